// The files behind the paths a user names: files as given, directories walked recursively for the
// extensions a source adapter reads.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type SourceKind = 'text-export' | 'pdf' | 'dekamer';

export interface SourceFile {
  path: string;
  kind: SourceKind;
  size: number;
}

export function sourceKind(file: string): SourceKind | null {
  const name = file.toLowerCase();
  if (name.endsWith('.txt')) return 'text-export';
  if (name.endsWith('.pdf')) return 'pdf';
  if (name.endsWith('.jsonl') || name.endsWith('.jsonl.gz')) return 'dekamer';
  return null;
}

export type FileResult =
  { ok: true; file: SourceFile } | { ok: false; file: string; reason: string };

/** Every readable source file under `paths`, in a stable (sorted) order; a bad path is an error result. */
export async function* findSourceFiles(paths: readonly string[]): AsyncGenerator<FileResult> {
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      yield {
        ok: false,
        file: given,
        reason:
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file or directory'
            : (error as Error).message,
      };
      continue;
    }
    if (info.isDirectory()) {
      const entries = await readdir(given, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((entry) => entry.isFile() && sourceKind(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort();
      for (const file of files) yield* findSourceFiles([file]);
    } else {
      const kind = sourceKind(given);
      yield kind
        ? { ok: true, file: { path: given, kind, size: info.size } }
        : {
            ok: false,
            file: given,
            reason: 'unsupported file type (expected .txt, .pdf, .jsonl or .jsonl.gz)',
          };
    }
  }
}
