// One writer at a time on an embedded data directory: `vraagbaak index` loads the snapshot, adds
// its documents and writes a new snapshot, so two runs at once would each save only their own
// work and the later save would silently drop the other's. The lock is a proper-lockfile lock
// (a directory created atomically, refreshed while held, taken over when its holder died).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** A holder that stopped refreshing its lock this long ago has died: its lock is taken over. */
const STALE_MS = 30_000;
/** How long a second writer waits (tries once a second at most; retry builds one timer a try). */
const MAX_WAIT_TRIES = 3_600;

export const lockPath = (dataDir: string) => path.join(dataDir, 'write.lock');

/**
 * Takes the data directory's write lock, waiting (and saying so through `onWait`) while another
 * writer holds it. Resolves to the function that releases it.
 */
export async function lockDataDir(
  dataDir: string,
  onWait: (message: string) => void,
): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const options = { realpath: false, lockfilePath: lockPath(dataDir), stale: STALE_MS };
  try {
    return await lockfile.lock(dataDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
  }
  onWait(
    `another writer (vraagbaak index) is using ${dataDir}; waiting for it to finish ` +
      `(lock ${lockPath(dataDir)}, taken over if its holder stops for ${STALE_MS / 1000} s)`,
  );
  try {
    return await lockfile.lock(dataDir, {
      ...options,
      retries: { retries: MAX_WAIT_TRIES, minTimeout: 100, maxTimeout: 1_000, factor: 1.5 },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new Error(
      `${dataDir} is still locked by another writer (${lockPath(dataDir)}); gave up waiting`,
      {
        cause: error,
      },
    );
  }
}
