// Turns a highlight fragment from the API (escaped text with <mark> around matches) into DOM nodes.
// Only <mark> and </mark> are honoured; everything else, including any unescaped tag, stays literal
// text, so a passage can never inject markup or script.
import { h } from './dom.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references an HTML escaper produces; unknown ones stay as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    }
    return ENTITIES[name.toLowerCase()] ?? reference;
  });
}

export function highlightNodes(fragment: string): Node[] {
  const nodes: Node[] = [];
  let marked = false;
  for (const part of fragment.split(/(<\/?mark>)/i)) {
    const tag = part.toLowerCase();
    if (tag === '<mark>') marked = true;
    else if (tag === '</mark>') marked = false;
    else if (part) {
      const text = decodeEntities(part);
      nodes.push(marked ? h('mark', {}, text) : document.createTextNode(text));
    }
  }
  return nodes;
}
