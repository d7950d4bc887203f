// Preloaded (`node --import`) into a measured process: at exit it writes its own CPU time
// (user + system, ms) to the file named by CPU_PROBE_FILE. Plain JS so it adds no compile step.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeFileSync(process.env.CPU_PROBE_FILE, String((user + system) / 1000));
});
