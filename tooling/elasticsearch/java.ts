// Finds a JDK that can run Elasticsearch 9 (Java >= 21) and compile its plugin (javac).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MissingPrerequisiteError } from './process.ts';

export const MINIMUM_JAVA_VERSION = 21;
const JVM_DIR = '/usr/lib/jvm';

export interface Jdk {
  home: string;
  majorVersion: number;
}

async function majorVersionOf(home: string): Promise<number | null> {
  if (!existsSync(path.join(home, 'bin', 'java')) || !existsSync(path.join(home, 'bin', 'javac'))) {
    return null;
  }
  try {
    // Every JDK since 9 ships a `release` file with JAVA_VERSION="25.0.1".
    const release = await readFile(path.join(home, 'release'), 'utf8');
    const match = /^JAVA_VERSION="(\d+)/m.exec(release);
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function installedHomes(jvmDir: string): Promise<string[]> {
  try {
    return (await readdir(jvmDir)).map((name) => path.join(jvmDir, name));
  } catch {
    return []; // No such directory on this machine.
  }
}

/**
 * ES_JAVA_HOME, when set, must be a JDK >= 21 (as for Elasticsearch's own scripts); otherwise the
 * newest JDK >= 21 among JAVA_HOME and jvmDir/*.
 */
export async function findJdk(jvmDir = JVM_DIR): Promise<Jdk> {
  const required = `a JDK >= ${MINIMUM_JAVA_VERSION} (java and javac)`;
  const explicit = process.env.ES_JAVA_HOME;
  if (explicit) {
    const majorVersion = await majorVersionOf(explicit);
    if (majorVersion !== null && majorVersion >= MINIMUM_JAVA_VERSION) {
      return { home: explicit, majorVersion };
    }
    throw new MissingPrerequisiteError(`ES_JAVA_HOME=${explicit} is not ${required}`);
  }
  const candidates = [process.env.JAVA_HOME, ...(await installedHomes(jvmDir))].filter(
    (home): home is string => Boolean(home),
  );
  let newest: Jdk | null = null;
  for (const home of candidates) {
    const majorVersion = await majorVersionOf(home);
    if (
      majorVersion !== null &&
      majorVersion > (newest?.majorVersion ?? MINIMUM_JAVA_VERSION - 1)
    ) {
      newest = { home, majorVersion };
    }
  }
  if (!newest) {
    throw new MissingPrerequisiteError(
      `Elasticsearch needs ${required}; none found in JAVA_HOME or ${jvmDir}/*. ` +
        'Install one (e.g. Debian package openjdk-21-jdk-headless or temurin-21-jdk) or set ES_JAVA_HOME.',
    );
  }
  return newest;
}
