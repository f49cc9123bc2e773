import { isTelLink } from './tel-links';

/**
 * Where numbers are never marked: anything the user edits (inputs, contenteditable), code and
 * markup (script, style, code, pre), and what is not shown as text (svg, hidden elements).
 * Checked on every element the scan walks, not only on the scan's root.
 */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED',
  'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'DATALIST',
]);

export const HOST_TAG = 'stringee-c2c-ui';

/** True when this element's own subtree must not be scanned. */
export function skipsSubtree(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase()) || el.tagName === HOST_TAG.toUpperCase()) return true;
  if (el.namespaceURI === 'http://www.w3.org/2000/svg') return true;
  // By attribute, not `isContentEditable`: that getter brings the page's style up to date, and
  // on a large page whose style is dirty one call costs a full restyle inside our slice
  // (npm run bench). The walk reaches an editable root before its children, so the attribute
  // on the root is enough; `contenteditable="false"` islands inside are skipped with it.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // tel: links are their own affordance (the href's number), see tel-links.ts.
  return isTelLink(el);
}

/** True when the node sits anywhere inside an excluded element (checked for a scan's root). */
export function insideExcluded(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType === Node.ELEMENT_NODE && skipsSubtree(n as Element)) return true;
  }
  return false;
}
