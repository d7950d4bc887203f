// The embedded index on disk: a header (JSON: format, what the index depends on, dictionaries and
// the layout of every array) followed by the segments' typed arrays, each 8-byte aligned, so
// loading reads the file and wraps views around it instead of parsing. Written to a temporary file
// that is renamed over the old one; a failed write removes its temporary file. The format version
// includes a fingerprint of what the stored terms depend on (the analysis settings and the
// organisation synonyms): a snapshot made under other analysis is refused with the reason.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { loadAnalysisSettings } from '../../analysis/definition.ts';
import { organisationSynonyms } from '../../entities/organisations.ts';
import { indexedPassageFingerprint } from '../indexed-passage.ts';
import { EmbeddedIndex } from './embedded-index.ts';
import type { Dictionaries } from './segment-builder.ts';
import { indexFields, keywordColumns, type Segment } from './segment.ts';
import { ValueDictionary } from './value-dictionary.ts';

const SNAPSHOT_FILE = 'embedded-index.bin';
const MAGIC = 'VRAAGBAAK-INDEX\n';
// 4: the forward index as varints (./forward-index.ts), document fields stored once per document,
// the hash over the analysis with its word lists. 5: positions in the postings
// (./posting-positions.ts).
const LAYOUT_VERSION = 5;

let format: string | undefined;

/**
 * The format: layout version plus a hash of the analysis the terms were made with (the settings
 * with the word lists they name read in, so a lexicon change counts too), as this process has it.
 */
function formatVersion(): string {
  if (format === undefined) {
    const hash = createHash('sha256');
    hash.update(JSON.stringify(loadAnalysisSettings()));
    hash.update(JSON.stringify(organisationSynonyms()));
    hash.update(indexedPassageFingerprint);
    format = `${LAYOUT_VERSION}:${hash.digest('hex').slice(0, 16)}`;
  }
  return format;
}

export const snapshotPath = (dataDir: string) => join(dataDir, SNAPSHOT_FILE);

type ArrayKind = 'i32' | 'u32' | 'u16' | 'u8' | 'f64';
type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;
const constructors = {
  i32: Int32Array,
  u32: Uint32Array,
  u16: Uint16Array,
  u8: Uint8Array,
  f64: Float64Array,
} as const;
const kindOf = (array: Typed): ArrayKind =>
  array instanceof Int32Array
    ? 'i32'
    : array instanceof Uint32Array
      ? 'u32'
      : array instanceof Uint16Array
        ? 'u16'
        : array instanceof Float64Array
          ? 'f64'
          : 'u8';

/** [kind, byte offset after the header, element count] */
type ArrayRef = [ArrayKind, number, number];

const Header = z.object({
  format: z.string(),
  dictionaries: z.record(z.string(), z.array(z.string())),
  segments: z.array(
    z.object({
      size: z.number().int().nonnegative(),
      ids: z.array(z.string()),
      terms: z.record(z.string(), z.array(z.string())),
      arrays: z.record(
        z.string(),
        z.tuple([z.enum(['i32', 'u32', 'u16', 'u8', 'f64']), z.number(), z.number()]),
      ),
    }),
  ),
});
type Header = z.infer<typeof Header>;

/** Every typed array of a segment under a path-like name, and back. */
function segmentArrays(segment: Segment, deleted: Uint8Array): Record<string, Typed> {
  const arrays: Record<string, Typed> = {
    deleted,
    'stored.starts': segment.stored.starts,
    'stored.bytes': segment.stored.bytes,
    'stored.documentRows': segment.stored.documentRows,
    'stored.documentStarts': segment.stored.documentStarts,
    'stored.documentBytes': segment.stored.documentBytes,
    dates: segment.dates,
    'amounts.starts': segment.amounts.starts,
    'amounts.values': segment.amounts.values,
  };
  for (const column of keywordColumns) {
    arrays[`keywords.${column}.starts`] = segment.keywords[column].starts;
    arrays[`keywords.${column}.values`] = segment.keywords[column].values;
  }
  for (const field of indexFields) {
    for (const [name, value] of Object.entries(segment.fields[field])) {
      if (name !== 'terms') arrays[`fields.${field}.${name}`] = value as Typed;
    }
  }
  return arrays;
}

function segmentFrom(
  size: number,
  ids: string[],
  terms: Record<string, string[]>,
  get: (name: string) => Typed,
): Segment {
  const fields = {} as Segment['fields'];
  for (const field of indexFields) {
    const at = (name: string) => get(`fields.${field}.${name}`);
    fields[field] = {
      terms: terms[field] ?? [],
      postingStarts: at('postingStarts') as Uint32Array,
      postingDocs: at('postingDocs') as Int32Array,
      postingFreqs: at('postingFreqs') as Uint16Array,
      positionStarts: at('positionStarts') as Uint32Array,
      positionBytes: at('positionBytes') as Uint8Array,
      lengths: at('lengths') as Uint32Array,
      norms: at('norms') as Uint8Array,
      forwardStarts: at('forwardStarts') as Uint32Array,
      forwardBytes: at('forwardBytes') as Uint8Array,
      forwardTerms: at('forwardTerms') as Int32Array,
    };
  }
  const keywords = {} as Segment['keywords'];
  for (const column of keywordColumns) {
    keywords[column] = {
      starts: get(`keywords.${column}.starts`) as Uint32Array,
      values: get(`keywords.${column}.values`) as Int32Array,
    };
  }
  return {
    size,
    ids,
    stored: {
      starts: get('stored.starts') as Uint32Array,
      bytes: get('stored.bytes') as Uint8Array,
      documentRows: get('stored.documentRows') as Int32Array,
      documentStarts: get('stored.documentStarts') as Uint32Array,
      documentBytes: get('stored.documentBytes') as Uint8Array,
    },
    dates: get('dates') as Int32Array,
    amounts: {
      starts: get('amounts.starts') as Uint32Array,
      values: get('amounts.values') as Float64Array,
    },
    keywords,
    fields,
  };
}

const align = (n: number) => Math.ceil(n / 8) * 8;

/** The file's identity, to notice a snapshot written by another process. */
export async function snapshotIdentity(dataDir: string): Promise<string | null> {
  try {
    const info = await stat(snapshotPath(dataDir));
    return `${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch {
    return null;
  }
}

/** The stored index, or null when nothing was stored yet. Throws with a reason when unreadable. */
export async function readSnapshot(dataDir: string): Promise<EmbeddedIndex | null> {
  const path = snapshotPath(dataDir);
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return decode(file);
  } catch (error) {
    throw new Error(`${path} is not a readable index snapshot (${(error as Error).message})`, {
      cause: error,
    });
  }
}

function decode(file: Buffer): EmbeddedIndex {
  if (file.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not an index snapshot');
  const headerLength = file.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  const header = Header.parse(
    JSON.parse(file.toString('utf8', headerStart, headerStart + headerLength)),
  );
  const expected = formatVersion();
  if (header.format !== expected)
    throw new Error(
      `it was made by another version of the index or analysis (format ${header.format}, this one reads ${expected})`,
    );
  let body = file.subarray(align(headerStart + headerLength));
  if (body.byteOffset % 8 !== 0) body = Buffer.from(body); // views need aligned offsets
  const view = (ref: ArrayRef | undefined, name: string): Typed => {
    if (!ref) throw new Error(`array ${name} is missing`);
    const [kind, offset, length] = ref;
    const make = constructors[kind];
    if (offset + length * make.BYTES_PER_ELEMENT > body.length)
      throw new Error(`array ${name} is cut off`);
    return new make(body.buffer as ArrayBuffer, body.byteOffset + offset, length);
  };
  const dictionaries = Object.fromEntries(
    keywordColumns.map((column) => [
      column,
      new ValueDictionary(header.dictionaries[column] ?? []),
    ]),
  ) as Dictionaries;
  const segments: Segment[] = [];
  const deleted: Uint8Array[] = [];
  for (const entry of header.segments) {
    const get = (name: string) => view(entry.arrays[name] as ArrayRef | undefined, name);
    segments.push(segmentFrom(entry.size, entry.ids, entry.terms, get));
    deleted.push(get('deleted') as Uint8Array);
  }
  return new EmbeddedIndex(segments, deleted, dictionaries);
}

export async function writeSnapshot(dataDir: string, index: EmbeddedIndex): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const path = snapshotPath(dataDir);
  const temporary = `${path}.${process.pid}.tmp`;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const header: Header = {
    format: formatVersion(),
    dictionaries: Object.fromEntries(keywordColumns.map((c) => [c, index.dictionaries[c].values])),
    segments: index.segments.map((segment, s) => {
      const arrays: Record<string, ArrayRef> = {};
      for (const [name, array] of Object.entries(segmentArrays(segment, index.deleted[s]!))) {
        arrays[name] = [kindOf(array), offset, array.length];
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        chunks.push(bytes);
        const padded = align(bytes.length);
        if (padded > bytes.length) chunks.push(new Uint8Array(padded - bytes.length));
        offset += padded;
      }
      const terms = Object.fromEntries(indexFields.map((f) => [f, segment.fields[f].terms]));
      return { size: segment.size, ids: segment.ids, terms, arrays };
    }),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(align(MAGIC.length + 4 + headerBytes.length));
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(prefix, MAGIC.length + 4);
  try {
    await writeFile(temporary, [prefix, ...chunks]);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

export async function removeSnapshot(dataDir: string): Promise<void> {
  await rm(snapshotPath(dataDir), { force: true });
}
