// Reading the comma-separated tags field the way the backend will.

/** Splits the tags field on commas; blanks are dropped, the backend normalises the rest. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/**
 * The tags as the backend will keep them: trimmed, without a leading `#`, the first of
 * case-insensitive duplicates. Used to tell whether the editor differs from what is stored.
 */
export function normaliseTags(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of parseTags(text)) {
    const tag = (raw.startsWith('#') ? raw.slice(1) : raw).trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
