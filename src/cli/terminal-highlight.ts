// The search's highlights (escaped HTML with <mark>) as terminal text, for `search` and `similar`.
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return namedEntities[name] ?? entity;
}

/** Highlight HTML to terminal text: <mark> becomes bold yellow on a TTY and disappears otherwise. */
export function highlightToTerminal(html: string, colour: boolean): string {
  return html
    .replace(/<mark>/g, colour ? '\u001b[1;33m' : '')
    .replace(/<\/mark>/g, colour ? '\u001b[0m' : '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, decodeEntity);
}
