// A section of bench/results.md owned by another script than `npm run bench` (which rewrites the
// file): kept between HTML comment markers, so each script replaces only its own part.
import { readFile } from 'node:fs/promises';

const markers = (name: string) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const;

/** The section with its markers, or '' when the file or the section is missing. */
export async function readSection(file: string, name: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const [start, end] = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  return from === -1 || to === -1 ? '' : text.slice(from, to + end.length);
}

/** `markdown` with the named section replaced by `content` (appended when absent). */
export function withSection(markdown: string, name: string, content: string): string {
  const [start, end] = markers(name);
  const section = `${start}\n${content.trim()}\n${end}`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from === -1 || to === -1) return `${markdown.trimEnd()}\n\n${section}\n`;
  return markdown.slice(0, from) + section + markdown.slice(to + end.length);
}
