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

async function candidateHomes(): Promise<string[]> {
  const fromEnv = [process.env.ES_JAVA_HOME, process.env.JAVA_HOME].filter((home): home is string =>
    Boolean(home),
  );
  let installed: string[] = [];
  try {
    installed = (await readdir(JVM_DIR)).map((name) => path.join(JVM_DIR, name));
  } catch {
    // No /usr/lib/jvm on this machine: only the environment variables count.
  }
  return [...fromEnv, ...installed];
}

/**
 * ES_JAVA_HOME wins when it is a suitable JDK; otherwise the newest JDK >= 21 among JAVA_HOME and
 * /usr/lib/jvm/*.
 */
export async function findJdk(): Promise<Jdk> {
  const found: Jdk[] = [];
  for (const home of await candidateHomes()) {
    const majorVersion = await majorVersionOf(home);
    if (majorVersion !== null && majorVersion >= MINIMUM_JAVA_VERSION) {
      if (home === process.env.ES_JAVA_HOME) return { home, majorVersion };
      found.push({ home, majorVersion });
    }
  }
  const newest = found.sort((a, b) => b.majorVersion - a.majorVersion)[0];
  if (!newest) {
    throw new MissingPrerequisiteError(
      `Elasticsearch needs a JDK >= ${MINIMUM_JAVA_VERSION} (java and javac); none found in ES_JAVA_HOME, JAVA_HOME or ${JVM_DIR}/*. ` +
        'Install one (e.g. Debian package openjdk-21-jdk-headless or temurin-21-jdk) or set ES_JAVA_HOME.',
    );
  }
  return newest;
}
