// Turns the lines of a passage, as extracted from a PDF, into readable text: lines wrapped by the
// page layout are joined again, list items and table rows keep their own line.
import { collapseSpaces } from './names.ts';

/** Lines that start something of their own: numbered items, a) b) sub-items, bullets, footnotes, links. */
const ownLineStart = /^(\d{1,3}\s*[.)°](?![\d.,])|\p{Ll}\)|[-•*·]\s|\(\*\)|https?:\/\/)/u;
const endsSentence = /[.?!:;]$/;
const endsWithWordHyphen = /\p{L}-$/u;
/** Words that follow a hyphen with a space: "opleidings- en uitwisselingstrajecten". */
const elidedCompound = /^(en|of|tot|als|noch)\b/;

/**
 * Decides whether `next` continues the line `previous` (a wrap of the layout) or starts a new line.
 * `previousHadTrailingSpace`: text exports keep the space before a soft wrap, a strong signal.
 */
function continues(previous: string, next: string, previousHadTrailingSpace: boolean): boolean {
  if (ownLineStart.test(next)) return false;
  // A row of a table ends in a number; the next row starts with a label or a number (a year).
  if (/\d$/.test(previous) && /^[\p{Lu}\d]/u.test(next)) return false;
  if (previousHadTrailingSpace) return true;
  return /^[\p{Ll}\d(]/u.test(next) && !endsSentence.test(previous);
}

/**
 * Joins wrapped lines: runs of spaces collapse, a hyphen at a line end stays (Dutch compounds like
 * "e-commercestrategie" keep it, and that is far more common here than a syllable split), blank
 * lines disappear, and an amount pushed onto the next line ("budget van" / "2.000.000,00 euro")
 * ends up on the line of its words.
 */
export function joinLines(lines: readonly string[]): string {
  const out: string[] = [];
  let previousHadTrailingSpace = false;
  for (const raw of lines) {
    const line = collapseSpaces(raw);
    if (!line) continue;
    const last = out.at(-1);
    if (last === undefined) {
      out.push(line);
    } else if (endsWithWordHyphen.test(last) && /^\p{L}/u.test(line) && !ownLineStart.test(line)) {
      out[out.length - 1] = last + (elidedCompound.test(line) ? ' ' : '') + line;
    } else if (continues(last, line, previousHadTrailingSpace)) {
      out[out.length - 1] = `${last} ${line}`;
    } else {
      out.push(line);
    }
    previousHadTrailingSpace = /\s$/.test(raw);
  }
  return out.join('\n');
}
