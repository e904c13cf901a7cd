/** How much of a body the timeline shows, in characters (code points). */
export const EXCERPT_CHARS = 300;

/**
 * The start of an entry's body for the timeline: at most `limit` characters, never cutting a
 * character in half, blank lines folded away, with an ellipsis when something was left out. It is plain text and is
 * always rendered as text, never as HTML.
 */
export function excerpt(body: string, limit = EXCERPT_CHARS): string {
  // Blank lines are folded into one line break: the timeline shows a few lines only.
  const trimmed = body
    .replace(/^\s*\n/, '')
    .replace(/\n[ \t]*(\n[ \t]*)+/g, '\n')
    .trimEnd();
  const chars = Array.from(trimmed);
  if (chars.length <= limit) return trimmed;
  return `${chars.slice(0, limit).join('').trimEnd()}…`;
}
