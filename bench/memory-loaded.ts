// Resident memory of a process serving an index it loaded (what `vraagbaak serve` holds), beside
// memory-child.ts's figure for a process that built it: a fresh process opens the embedded snapshot
// in a data directory and reports resident and heap memory per 10,000 passages after full GCs,
// minus before. Usage: node --expose-gc --import tsx bench/memory-loaded.ts <data dir>
import { EmbeddedBackend } from '../src/search/embedded/embedded-backend.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: memory-loaded.ts <data dir>');

const settled = () => {
  gc();
  gc();
  return process.memoryUsage();
};
const MiB = 1024 ** 2;
const before = settled();
const cpu = process.cpuUsage();
const backend = await EmbeddedBackend.open({ dataDir });
const { user, system } = process.cpuUsage(cpu);
const { passages } = await backend.stats();
const after = settled();
const per10k = (bytes: number) => Number(((bytes / MiB / passages) * 10_000).toFixed(1));
console.log(
  JSON.stringify({
    passages,
    loadCpuS: (user + system) / 1e6,
    rssMiBPer10kPassages: per10k(after.rss - before.rss),
    heapMiBPer10kPassages: per10k(after.heapUsed - before.heapUsed),
    arrayBuffersMiB: Number((after.arrayBuffers / MiB).toFixed(1)),
  }),
);
await backend.close();
