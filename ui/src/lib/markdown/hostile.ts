// The hostile-text corpus (tests/fixtures/xss-payloads.txt at the repository root), for tests
// only: one payload a line, `#` comments, `⏎` for a line break. The same file feeds the core's
// Markdown tests and the end-to-end XSS test.
import corpusText from '../../../../tests/fixtures/xss-payloads.txt?raw';

export const HOSTILE_PAYLOADS: readonly string[] = corpusText
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => line.replaceAll('\u23CE', '\n'));

/** Elements no user text may ever become. */
const FORBIDDEN = 'script, iframe, frame, frameset, object, embed, applet, img, image, svg, math, style, link, meta, base, form, video, audio, source, portal, template, noscript, textarea, select, details, dialog, marquee';

/**
 * What in `root` could run script or load something: forbidden elements, event-handler or
 * `style` attributes, and links or sources whose URL is not web or email. Empty when inert.
 */
export function activeContent(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll(FORBIDDEN)) found.push(`<${el.localName}>`);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'formaction') {
        found.push(`${el.localName}[${name}]`);
      }
      if (['href', 'src', 'xlink:href', 'action', 'data', 'poster', 'background'].includes(name)) {
        if (!/^(https?:\/\/|mailto:)/i.test(attr.value.trim())) found.push(`${el.localName}[${name}=${attr.value}]`);
      }
    }
    if (el.localName === 'input' && el.getAttribute('type') !== 'checkbox') found.push('<input>');
  }
  return found;
}
