/**
 * Light or dark, from the background actually painted behind an element: the first ancestor
 * with an opaque background colour, else the document's. Cached per element, asked only for
 * blocks that hold a number.
 */
const cache = new WeakMap<Element, boolean>();

function luminance(color: string): number | undefined {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?/.exec(color);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => parseFloat(v!) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function isDarkBehind(start: Element | null): boolean {
  const chain: Element[] = [];
  let dark: boolean | undefined;
  for (let el: Element | null = start; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
    const known = cache.get(el);
    if (known !== undefined) {
      dark = known;
      break;
    }
    chain.push(el);
    const l = luminance(getComputedStyle(el).backgroundColor);
    if (l !== undefined) {
      dark = l < 0.4;
      break;
    }
  }
  // Nothing painted: the canvas is white unless the page asks for a dark colour scheme.
  dark ??= matchMedia('(prefers-color-scheme: dark)').matches && getComputedStyle(document.documentElement).colorScheme.includes('dark');
  for (const el of chain) cache.set(el, dark);
  return dark;
}
