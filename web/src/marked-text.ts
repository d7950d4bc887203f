// A passage's text with marks laid over it: entities, the search's words, and links such as
// "zie vraag 3". Ranges may overlap: the text is cut at every range boundary and each piece gets
// the classes of all ranges covering it, so no range hides another.
import { h } from './dom.ts';

export interface MarkRange {
  start: number;
  end: number;
  className: string;
  title?: string;
}

export interface LinkRange {
  start: number;
  end: number;
  href: string;
  onClick?: (event: MouseEvent) => void;
}

export function markedText(text: string, marks: MarkRange[], links: LinkRange[] = []): Node[] {
  const valid = <T extends { start: number; end: number }>(ranges: T[]) =>
    ranges.filter((r) => r.start < r.end && r.end <= text.length);
  const markRanges = valid(marks);
  const linkRanges = valid(links);
  const cuts = new Set([0, text.length]);
  for (const r of [...markRanges, ...linkRanges]) cuts.add(r.start).add(r.end);
  const points = [...cuts].sort((a, b) => a - b);
  const nodes: Node[] = [];
  let anchor = null as { range: LinkRange; element: HTMLAnchorElement } | null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const covering = markRanges.filter((r) => r.start <= start && r.end >= end);
    const piece = text.slice(start, end);
    const node =
      covering.length === 0
        ? document.createTextNode(piece)
        : h(
            'mark',
            {
              class: [...new Set(covering.flatMap((r) => r.className.split(' ')))].join(' '),
              title: covering.flatMap((r) => (r.title ? [r.title] : [])).join('; ') || null,
            },
            piece,
          );
    const link = linkRanges.find((r) => r.start <= start && r.end >= end);
    if (!link) {
      anchor = null;
      nodes.push(node);
      continue;
    }
    if (anchor?.range !== link) {
      const element: HTMLAnchorElement = h('a', { href: link.href });
      if (link.onClick) element.addEventListener('click', link.onClick);
      anchor = { range: link, element };
      nodes.push(element);
    }
    anchor.element.appendChild(node);
  }
  return nodes;
}
