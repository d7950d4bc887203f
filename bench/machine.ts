// What a result was measured on: figures mean little without the machine beside them.
import os from 'node:os';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  elasticsearch: string | null;
  /** 1-minute load average when the run began: other work on the machine skews every figure. */
  loadAverage: number;
}

export function describeMachine(elasticsearchVersion: string | null): Machine {
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    elasticsearch: elasticsearchVersion,
    loadAverage: Number(os.loadavg()[0]!.toFixed(1)),
  };
}
