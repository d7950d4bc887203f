// An Atom 1.0 feed of a search: the newest matching documents first, one entry per document, so a
// reader sees a new question (or a new answer to one) once. Written with the `feed` library.
import { Feed } from 'feed';
import type { SearchHit, SearchResult } from '../search/query.ts';
import { passageTypeNames } from '../model/passage-types.ts';
import { readableValue } from '../model/readable-value.ts';

export interface FeedLinks {
  /** The search page showing the same search. */
  page: string;
  /** This feed's own URL. */
  self: string;
  /** The search page's document view of a document. */
  document: (documentId: string) => string;
}

/** A highlight fragment as plain text (the <mark>s and escapes of the API's fragments removed). */
function plainText(fragment: string): string {
  return fragment
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** "Jan Peeters (N-VA) aan minister Hilde Crevits" — who asked whom, when known. */
function byline(hit: SearchHit): string {
  const asker = hit.asker ? `${hit.asker}${hit.party ? ` (${hit.party})` : ''}` : null;
  return [asker, hit.minister && `aan ${hit.minister}`].filter(Boolean).join(' ');
}

const UNDATED = new Date(0);
const dateOf = (hit: SearchHit) => (hit.date ? new Date(`${hit.date}T00:00:00Z`) : UNDATED);

export function atomFeed(title: string, result: SearchResult, links: FeedLinks): string {
  const newest = result.hits.find((hit) => hit.date !== null);
  const feed = new Feed({
    id: links.self,
    title: `Vraagbaak: ${title}`,
    description:
      'Schriftelijke vragen en antwoorden die aan deze zoekopdracht voldoen, nieuwste eerst.',
    link: links.page,
    language: 'nl',
    updated: newest ? dateOf(newest) : UNDATED,
    generator: 'vraagbaak',
    // Atom requires an author on the feed unless every entry has one, and a question's asker may
    // be unknown.
    author: { name: 'Vraagbaak' },
    feedLinks: { atom: links.self },
    copyright: 'Publieke gegevens van de parlementen',
  });
  for (const hit of result.hits) {
    const link = links.document(hit.documentId);
    const summary = [
      byline(hit),
      `Gevonden in: ${passageTypeNames[hit.type]}.`,
      ...hit.highlights.map(plainText),
    ].filter(Boolean);
    feed.addItem({
      id: link,
      link,
      title: hit.title ?? 'Zonder titel',
      date: dateOf(hit),
      description: summary.join(' — '),
      author: hit.asker ? [{ name: hit.asker }] : undefined,
      // The term is the theme as the search filters on it; the label is what a reader shows, in
      // normal case like the page ("VERVOER PER SPOOR (NMBS)" → "Vervoer per spoor (NMBS)").
      category: hit.themes.map((theme) => ({ name: readableValue(theme), term: theme })),
    });
  }
  return feed.atom1();
}
