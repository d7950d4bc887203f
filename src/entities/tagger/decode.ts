// Greedy left-to-right tagging with BIO tags: each word gets the best label given the tags
// already chosen, an I- tag only where it continues an entity of the same type.
export interface Scorer {
  readonly labels: readonly string[];
  /** Per label, the score of token i of words given the tags of the tokens before it. */
  tokenScores(words: readonly string[], i: number, previousTags: readonly string[]): Float64Array;
}

/** Can `label` follow `previous`? "I-ORG" only after "B-ORG" or "I-ORG". */
export function allowedAfter(previous: string | undefined, label: string): boolean {
  if (!label.startsWith('I-')) return true;
  return previous !== undefined && previous !== 'O' && previous.slice(2) === label.slice(2);
}

export interface TaggedWord {
  label: string;
  /** Best score minus the best score of any other allowed label: how sure the choice is. */
  margin: number;
}

export function tagWords(model: Scorer, words: readonly string[]): TaggedWord[] {
  const tags: string[] = [];
  const tagged: TaggedWord[] = [];
  for (let i = 0; i < words.length; i++) {
    // Outside an entity, a word without a capital starts none (Dutch capitalises names): it is
    // tagged O without scoring, which spares most of the work on running text.
    if (!tags[i - 1]?.includes('-') && !/\p{Lu}/u.test(words[i]!)) {
      tags.push('O');
      tagged.push({ label: 'O', margin: Infinity });
      continue;
    }
    const scores = model.tokenScores(words, i, tags);
    let best = -1;
    let second = -Infinity;
    for (let label = 0; label < scores.length; label++) {
      if (!allowedAfter(tags[i - 1], model.labels[label]!)) continue;
      if (best === -1 || scores[label]! > scores[best]!) {
        if (best !== -1) second = Math.max(second, scores[best]!);
        best = label;
      } else second = Math.max(second, scores[label]!);
    }
    const label = model.labels[best]!;
    tags.push(label);
    tagged.push({ label, margin: scores[best]! - second });
  }
  return tagged;
}

export interface LabelledSpan {
  type: string;
  /** Word indexes, end exclusive. */
  start: number;
  end: number;
}

/** Entity spans from BIO labels, as conlleval reads them (a stray I- starts an entity). */
export function spansOf(labels: readonly string[]): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  labels.forEach((label, i) => {
    if (label === 'O') return;
    const type = label.slice(2);
    const open = spans.at(-1);
    if (label.startsWith('I-') && open && open.end === i && open.type === type) open.end = i + 1;
    else spans.push({ type, start: i, end: i + 1 });
  });
  return spans;
}

/**
 * Tags the sentences of one text, then makes a name's type agree across the text: where the same
 * words were tagged as entities of different types, all take the type with the largest total
 * margin ("Israël" five times a place and twice a person becomes a place each time), and a
 * surname alone counts as a vote for the person it ended earlier.
 */
export function tagDocument(
  model: Scorer,
  sentences: readonly (readonly string[])[],
): TaggedWord[][] {
  const tagged = sentences.map((words) => tagWords(model, words));
  const votes = new Map<string, Map<string, number>>();
  const vote = (text: string, type: string, margin: number) => {
    const byType = votes.get(text) ?? new Map<string, number>();
    byType.set(type, (byType.get(type) ?? 0) + margin);
    votes.set(text, byType);
  };
  const spans = tagged.map((words, s) =>
    spansOf(words.map((w) => w.label)).map((span) => {
      const text = sentences[s]!.slice(span.start, span.end).join(' ');
      const margin = Math.min(...words.slice(span.start, span.end).map((w) => w.margin));
      vote(text, span.type, margin);
      // A person named in full is named by the surname later on ("Ehud Barak" … "Barak").
      if (span.type === 'PER' && span.end - span.start > 1) {
        vote(sentences[s]![span.end - 1]!, 'PER', margin);
      }
      return { ...span, text };
    }),
  );
  spans.forEach((sentenceSpans, s) => {
    for (const span of sentenceSpans) {
      const [type] = [...votes.get(span.text)!].sort((a, b) => b[1] - a[1])[0]!;
      if (type === span.type) continue;
      for (let i = span.start; i < span.end; i++) {
        const word = tagged[s]![i]!;
        word.label = `${i === span.start ? 'B' : 'I'}-${type}`;
      }
    }
  });
  return tagged;
}
