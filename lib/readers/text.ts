/**
 * Text as the user reads it, with standard DOM APIs only (no layout, no innerText), so the same
 * code runs in a content script and on a linkedom document in Node.
 */

/** Marks that sit inside text but carry no meaning for us: bidi controls, soft hyphen, zero-width chars. */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const SPACES = /[\s\u00A0\u2007\u202F\u2009\u200A]+/g;

const NEEDS_SQUISH = /^\s|\s$|\s\s|[^\S ]|[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

/** Collapses every kind of space to one U+0020 and trims. */
export function squish(text: string): string {
  if (!NEEDS_SQUISH.test(text)) return text;
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Lower case, no accents, one space, typographic quotes made plain: the form header synonyms are stored in. */
export function fold(text: string): string {
  return squish(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
}

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'SVG',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'OPTION',
  'IMG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IFRAME',
  'OBJECT',
  'MAT-ICON',
  'MATERIAL-ICON',
  'LI-ICON',
]);
const BLOCK_TAGS = new Set([
  'DIV',
  'P',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BR',
  'HR',
  'TR',
  'TD',
  'TH',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'FIGURE',
  'FIGCAPTION',
  'FORM',
  'FIELDSET',
  'LABEL',
  'PRE',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
]);
/** Conventional names of "visually hidden, for screen readers" helpers (Bootstrap, Angular CDK, LinkedIn, WordPress…). */
const VISUALLY_HIDDEN =
  /(?:^|\s)(?:sr-only|visually-?hidden|cdk-visually-hidden|a11y-text|screen-?reader[\w-]*|assistive-text|offscreen|u-hidden|hidden-?visually)(?:\s|$)/i;
/** Icon fonts render ligatures ("edit", "arrow_drop_down") as text: never part of a name or a figure. */
const ICON_CLASS = /(?:^|[\s_-])(?:material-icons?[\w-]*|material-symbols[\w-]*|icon|icons|glyphicon|fa|fas|far)(?:[\s_-]|$)/i;
const INLINE_HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export type TextOptions = {
  /** Leave out buttons (hover actions, "Edit", "Duplicate"): right for cell values, wrong for header labels. */
  skipControls?: boolean;
};

/** Is this element one whose text the user does not read (hidden, an icon, helper text for screen readers)? */
export function isUnread(el: Element, opts: TextOptions = {}): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const cls = el.getAttribute('class');
  if (
    cls &&
    (VISUALLY_HIDDEN.test(cls) || (tag === 'I' && ICON_CLASS.test(cls)) || (tag !== 'I' && /(?:^|\s)material-icons?(?:\s|$)/.test(cls)))
  )
    return true;
  const style = el.getAttribute('style');
  if (style && INLINE_HIDDEN_STYLE.test(style)) return true;
  const role = el.getAttribute('role');
  if (role === 'tooltip' || role === 'img') return true;
  if (
    opts.skipControls &&
    (tag === 'BUTTON' || role === 'button' || role === 'menu' || role === 'menuitem' || role === 'checkbox' || role === 'switch')
  ) {
    return true;
  }
  return false;
}

/**
 * The lines of text the user reads in an element: hidden parts, icons and (optionally) controls left out,
 * a new line at each block element. Empty lines dropped.
 */
export function visibleLines(root: Element, opts: TextOptions = {}): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const t = squish(current);
    if (t) lines.push(t);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (isUnread(el, opts)) continue;
        const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
        if (block) flush();
        walk(el);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return lines;
}

/** The text the user reads in an element, on one line. */
export function visibleText(root: Element, opts: TextOptions = {}): string {
  return visibleLines(root, opts).join(' ');
}

/** A cell's text the fast way (textContent), squished. */
export function rawText(el: Element): string {
  return squish(el.textContent ?? '');
}
