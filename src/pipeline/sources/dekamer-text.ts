// The federal data lost its layout: paragraphs run together ("afgerond.De bedoeling"), list items
// too ("hoe?2. Zou", ":- 558.750 euro;- 94.920 euro"), and some amounts carry a stray space after
// their first group ("151. 984.161,50 euro"). These repairs give the segmenter lines again.
import { splitInlineItems } from '../numbered-items.ts';

/** "afgerond.De bedoeling" → a line break after the sentence. */
const restoreParagraphs = (text: string) =>
  text.replace(/([\p{Ll})][.?!])(?=\p{Lu}\p{Ll})/gu, '$1\n');

/** "uit:- een medewerker;- twee" and "betreft.a) Hoe vaak" → one bullet or sub-item a line. */
const restoreBullets = (text: string) =>
  text
    .replace(/([:;])\s*-\s+(?=\S)/g, '$1\n- ')
    .replace(/(\p{L}[.?!:;])\s*(?=\p{Ll}\)\s)/gu, '$1\n');

/**
 * "bedrag: 5. 551.323,14 euro" → "5.551.323,14 euro". Only after a word, colon, bracket or bullet (never
 * after the end of a sentence, where "1. 304" could be item 1) and only when more digit groups
 * follow, so "2017: 463. 685.2. De" (an amount, then item 2) is left alone.
 */
const repairSplitAmounts = (text: string) =>
  text.replace(/(?<=[\p{L}:(;,-] ?)(\d{1,3})\. (\d{3}(?:[.,]\d{2,3})+)(?![\d.,]\d)/gu, '$1.$2');

/** "2 en 3. Zoals …" after a sentence: an answer to a group of questions starts a line too. */
export function dekamerTextLines(text: string): string[] {
  return splitInlineItems(repairSplitAmounts(restoreBullets(restoreParagraphs(text.trim()))));
}
