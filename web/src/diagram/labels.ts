// A resource's name as a card draws it: whole when it fits on two lines, otherwise cut in the middle so that
// both the start (the project, the environment) and the end (what tells siblings apart: "-a", "-worker-3")
// stay readable. Names are AWS text: only measured and cut here, rendered as text by React.

/** Average glyph width at the cards' 12 px semibold name, in px per character (measured on DejaVu Sans). */
export const NAME_CHAR_W = 7.1;

const BREAK_AFTER = /[-_./:\s]/;

/** Splits `text` into at most `maxLines` lines of `perLine` characters, breaking after separators when it can. */
export function wrapName(text: string, perLine: number, maxLines = 2): string[] {
  const n = Math.max(4, Math.floor(perLine));
  if (text.length <= n) return [text];
  if (maxLines < 2) return [middleEllipsis(text, n)];
  const first = breakAt(text, n);
  const rest = text.slice(first.length);
  if (rest.length <= n) return [first, rest];
  // Too long for two lines: the first line as it is, the second keeps the end.
  return [first, `…${text.slice(text.length - (n - 1))}`];
}

function breakAt(text: string, n: number): string {
  // The last separator within the line, unless it leaves the line mostly empty.
  for (let i = n - 1; i >= Math.floor(n * 0.55); i--)
    if (BREAK_AFTER.test(text[i] ?? "")) return text.slice(0, i + 1);
  return text.slice(0, n);
}

/** "coursedog-production-redis-001" → "coursedog-pro…redis-001": keeps both ends. */
export function middleEllipsis(text: string, n: number): string {
  if (text.length <= n) return text;
  const keep = Math.max(2, n - 1);
  const tail = Math.ceil(keep / 2);
  return `${text.slice(0, keep - tail)}…${text.slice(text.length - tail)}`;
}
