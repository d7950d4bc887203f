// Lines of a text stream, each at most `maxLength` characters: a longer line (a gzip bomb that
// inflates to one giant line) is skipped without being held in memory and reported in its place,
// so the lines after it are still read. Line numbers count every line, the skipped ones too.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export type BoundedLine = { text: string; tooLong: false } | { length: number; tooLong: true };

export async function* boundedLines(
  input: Readable,
  maxLength: number,
): AsyncGenerator<BoundedLine> {
  const decoder = new StringDecoder('utf8'); // keeps a character split across chunks whole
  let pending = '';
  let overflow = 0; // characters of the current line dropped so far (0: not too long)
  for await (const bytes of input as AsyncIterable<Buffer>) {
    const chunk = decoder.write(bytes);
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, newline);
      start = newline + 1;
      if (overflow > 0 || pending.length + piece.length > maxLength) {
        yield { length: overflow + pending.length + piece.length, tooLong: true };
      } else {
        yield { text: (pending + piece).replace(/\r$/, ''), tooLong: false };
      }
      pending = '';
      overflow = 0;
    }
    const rest = chunk.slice(start);
    if (overflow > 0 || pending.length + rest.length > maxLength) {
      overflow += pending.length + rest.length;
      pending = '';
    } else {
      pending += rest;
    }
  }
  if (overflow > 0) yield { length: overflow, tooLong: true };
  else if (pending !== '') yield { text: pending.replace(/\r$/, ''), tooLong: false };
}
