// Which links the preview may make live. The backend already sends `href: null` for anything
// but http(s) and mailto; this is the same rule again, so a mistake on either side cannot make
// a `javascript:` or file link clickable.

const LIVE = /^(https?:\/\/|mailto:)/i;

/** `href` when it is a web or email link, otherwise null. */
export function liveHref(href: string | null): string | null {
  if (href === null) return null;
  const trimmed = href.trim();
  return LIVE.test(trimmed) ? trimmed : null;
}
