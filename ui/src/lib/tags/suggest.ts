// Tag autocomplete for a comma-separated tags field: what is being typed (the last piece),
// which known tags fit it, and the field with one of them put in.

import type { TagCount } from '../ipc/commands';
import { parseTags } from '../journal/tags';

function bare(tag: string): string {
  const t = tag.trim();
  return (t.startsWith('#') ? t.slice(1) : t).trim().toLowerCase();
}

/** The tag being typed: the text after the last comma, without a leading `#`. */
export function currentPiece(text: string): string {
  const piece = text.slice(text.lastIndexOf(',') + 1).trim();
  return piece.startsWith('#') ? piece.slice(1).trimStart() : piece;
}

/**
 * Known tags that start with what is being typed (then those that contain it), most used
 * first, leaving out tags the field already has. Nothing while no letter has been typed.
 */
export function suggestTags(text: string, known: readonly TagCount[], limit = 6): string[] {
  const piece = currentPiece(text).toLowerCase();
  if (piece === '') return [];
  const done = new Set(parseTags(text.slice(0, text.lastIndexOf(',') + 1)).map(bare));
  const starts: string[] = [];
  const contains: string[] = [];
  for (const { name } of known) {
    const key = name.toLowerCase();
    if (done.has(key) || key === piece) continue;
    if (key.startsWith(piece)) starts.push(name);
    else if (key.includes(piece)) contains.push(name);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** The field with the piece being typed replaced by `tag`, ready for the next one. */
export function acceptTag(text: string, tag: string): string {
  const cut = text.lastIndexOf(',') + 1;
  const before = text.slice(0, cut);
  return `${before}${cut > 0 ? ' ' : ''}${tag}, `.replace(/^\s+/, '');
}
