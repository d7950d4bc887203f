// Running external tools (mvn, unzip, javac, the Elasticsearch scripts) with errors that say what to install.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A machine is missing something the local Elasticsearch needs (a JDK >= 21, Maven, unzip). */
export class MissingPrerequisiteError extends Error {
  override name = 'MissingPrerequisiteError';
}

/** A command stopped because it ran past RunOptions.timeoutMs. */
export class CommandTimeoutError extends Error {
  override name = 'CommandTimeoutError';
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** What to tell the user when the command itself is not installed. */
  installHint?: string;
  /** Kill the command (SIGTERM) when it runs longer than this. */
  timeoutMs?: number;
}

/** Runs a command to completion; rejects with its stderr/stdout when it fails. */
export async function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      maxBuffer: 64 * 1024 * 1024,
      timeout: options.timeoutMs ?? 0,
    });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & {
      stdout?: string;
      stderr?: string;
      killed?: boolean;
    };
    if (failure.code === 'ENOENT') {
      throw new MissingPrerequisiteError(
        `'${command}' is not installed or not on PATH${options.installHint ? ` (${options.installHint})` : ''}`,
      );
    }
    if (failure.killed) {
      throw new CommandTimeoutError(`${command} was stopped after ${options.timeoutMs} ms`, {
        cause: error,
      });
    }
    const output = `${failure.stderr ?? ''}\n${failure.stdout ?? ''}`.trim();
    throw new Error(`${command} ${args.join(' ')} failed: ${output || failure.message}`, {
      cause: error,
    });
  }
}

/** Whether a command exists on PATH (without running it). */
export async function commandExists(command: string): Promise<boolean> {
  try {
    await execFileAsync('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}
