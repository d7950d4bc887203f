// The local Elasticsearch distribution: pinned version, fetched from Maven Central into .cache/,
// unpacked, with the project's analysis plugin built and installed. Each prepared copy is
// immutable and keyed by the plugin's source hash, so concurrent callers never see a half-made one.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findJdk, type Jdk } from './java.ts';
import { commandExists, run } from './process.ts';

/** The Elasticsearch version everything (local nodes, docker-compose, client) is pinned to. */
export const ELASTICSEARCH_VERSION = '9.2.8';
const ARTIFACT = `org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ELASTICSEARCH_VERSION}:zip`;
const PLUGIN_NAME = 'analysis-vraagbaak';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'elasticsearch');
const PLUGIN_SOURCE_DIR = path.join(REPO_ROOT, 'plugins', PLUGIN_NAME);

/** Elasticsearch refuses to run as root; when we are root the nodes run as this system user. */
export const ES_USER = 'vraagbaak-es';

export interface Distribution {
  /** ES_HOME of an unpacked copy with the plugin installed. */
  home: string;
  jdk: Jdk;
}

export type Log = (message: string) => void;

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Hash of the plugin's sources + version: a changed plugin gets a freshly prepared copy. */
async function pluginHash(): Promise<string> {
  const hash = createHash('sha256').update(ELASTICSEARCH_VERSION);
  const files = (await readdir(PLUGIN_SOURCE_DIR, { recursive: true, withFileTypes: true }))
    // Only what goes into the plugin zip: editing the README must not rebuild the distribution.
    .filter((entry) => entry.isFile() && /\.(java|properties)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(path.relative(PLUGIN_SOURCE_DIR, file)).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 12);
}

/** A per-process scratch dir inside the cache, so a rename into place is atomic. */
async function scratchDir(purpose: string): Promise<string> {
  const dir = path.join(CACHE_DIR, 'tmp', `${purpose}-${process.pid}-${Date.now()}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

async function downloadZip(log: Log): Promise<string> {
  const zip = path.join(CACHE_DIR, 'downloads', `elasticsearch-${ELASTICSEARCH_VERSION}.zip`);
  if (existsSync(zip)) return zip;
  log(`Fetching ${ARTIFACT} with Maven…`);
  const scratch = await scratchDir('download');
  try {
    await run(
      'mvn',
      ['-B', '-q', 'dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${scratch}`],
      {
        installHint:
          'install Maven, e.g. `apt-get install maven`; it fetches Elasticsearch from Maven Central',
      },
    );
    await mkdir(path.dirname(zip), { recursive: true });
    await rename(path.join(scratch, path.basename(zip)), zip);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return zip;
}

/** javac + jar, then a plugin zip (jar + descriptor) as elasticsearch-plugin expects it. */
async function buildPlugin(home: string, jdk: Jdk, workDir: string): Promise<string> {
  const classes = path.join(workDir, 'classes');
  const bundle = path.join(workDir, 'bundle');
  await mkdir(bundle, { recursive: true });
  const sources = (
    await readdir(path.join(PLUGIN_SOURCE_DIR, 'src'), { recursive: true, withFileTypes: true })
  )
    .filter((entry) => entry.isFile() && entry.name.endsWith('.java'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const bin = (tool: string) => path.join(jdk.home, 'bin', tool);
  // The distribution's own jars are the compile classpath: the plugin is built for exactly this version.
  await run(bin('javac'), [
    '--release',
    '21',
    '-cp',
    path.join(home, 'lib', '*'),
    '-d',
    classes,
    ...sources,
  ]);
  await run(bin('jar'), [
    '--create',
    '--file',
    path.join(bundle, `${PLUGIN_NAME}.jar`),
    '-C',
    classes,
    '.',
  ]);
  const descriptor = await readFile(
    path.join(PLUGIN_SOURCE_DIR, 'plugin-descriptor.properties'),
    'utf8',
  );
  await writeFile(
    path.join(bundle, 'plugin-descriptor.properties'),
    descriptor.replaceAll('@ELASTICSEARCH_VERSION@', ELASTICSEARCH_VERSION),
  );
  const zip = path.join(workDir, `${PLUGIN_NAME}.zip`);
  await run(bin('jar'), ['--create', '--no-manifest', '--file', zip, '-C', bundle, '.']);
  return zip;
}

/** Hands a directory tree to the Elasticsearch user (no-op unless running as root). */
export async function giveToEsUser(dir: string): Promise<void> {
  if (!isRoot()) return;
  try {
    await run('id', ['-u', ES_USER]);
  } catch {
    await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', ES_USER]);
  }
  await run('chown', ['-R', `${ES_USER}:`, dir]);
}

/**
 * Why a local node cannot be started on this machine (no JDK >= 21, no Maven for a download that is
 * still needed, no unzip), or null when it can. Cheap: no download, no JVM start.
 */
export async function missingPrerequisite(): Promise<string | null> {
  try {
    await findJdk();
  } catch (error) {
    return (error as Error).message;
  }
  const prepared = existsSync(path.join(CACHE_DIR, 'dist'));
  const downloaded = existsSync(path.join(CACHE_DIR, 'downloads'));
  if (!prepared && !downloaded && !(await commandExists('mvn'))) {
    return "Maven ('mvn') is not installed; it fetches Elasticsearch from Maven Central (apt-get install maven)";
  }
  if (!prepared && !(await commandExists('unzip'))) {
    return "'unzip' is not installed (apt-get install unzip)";
  }
  return null;
}

/**
 * Returns a ready distribution, preparing it on first use: Maven download (~2 min cold),
 * unzip, plugin build + install. Later calls only check that the copy exists.
 */
export async function prepareDistribution(log: Log = () => {}): Promise<Distribution> {
  const jdk = await findJdk();
  const home = path.join(CACHE_DIR, 'dist', `${ELASTICSEARCH_VERSION}-${await pluginHash()}`);
  if (existsSync(home)) return { home, jdk };

  const zip = await downloadZip(log);
  const scratch = await scratchDir('unpack');
  try {
    log(`Unpacking ${path.basename(zip)}…`);
    await run('unzip', ['-q', zip, '-d', scratch], {
      installHint: 'install it with `apt-get install unzip`',
    });
    const unpacked = path.join(scratch, `elasticsearch-${ELASTICSEARCH_VERSION}`);
    log(`Building and installing the ${PLUGIN_NAME} plugin (Java ${jdk.majorVersion})…`);
    const pluginZip = await buildPlugin(unpacked, jdk, path.join(scratch, 'plugin'));
    await run(
      path.join(unpacked, 'bin', 'elasticsearch-plugin'),
      ['install', '--batch', `file://${pluginZip}`],
      {
        env: { ...process.env, ES_JAVA_HOME: jdk.home },
      },
    );
    await giveToEsUser(unpacked);
    await mkdir(path.dirname(home), { recursive: true });
    try {
      await rename(unpacked, home);
    } catch (error) {
      // Another process prepared the same copy first: use theirs.
      if (!existsSync(home)) throw error;
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { home, jdk };
}

/** A node's private copy of the distribution's config dir (keystore and jvm options are per node). */
export async function copyConfig(distribution: Distribution, target: string): Promise<void> {
  if (!existsSync(target))
    await cp(path.join(distribution.home, 'config'), target, { recursive: true });
}
