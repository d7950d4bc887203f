// The product's logger: readable lines on a terminal, JSON lines otherwise (for log collectors).
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

export async function createLogger(
  { logLevel, logFormat }: Pick<Config, 'logLevel' | 'logFormat'>,
  stream: NodeJS.WriteStream = process.stdout,
): Promise<Logger> {
  const format = logFormat ?? (stream.isTTY ? 'pretty' : 'json');
  if (format === 'json') return pino({ level: logLevel }, stream);
  // Loaded only for a terminal: a server logging JSON for a collector never needs it.
  const { default: pretty } = await import('pino-pretty');
  return pino(
    { level: logLevel },
    pretty({
      destination: stream,
      colorize: stream.isTTY ?? false,
      sync: true,
      // Fields a message already says in words; the rest (reasons, failures, errors) is shown.
      ignore: 'pid,hostname,event,backend,url,documents,passages,ms,startupMs,req,res,responseTime',
      translateTime: 'SYS:HH:MM:ss',
    }),
  );
}

/** A logger that drops everything: for tests and tools that embed the API. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
