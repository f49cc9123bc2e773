/**
 * Marks found numbers with the CSS Custom Highlight API: the page's text is never touched,
 * the browser paints a dotted underline over the ranges. The `::highlight()` rule must live in
 * the page's own tree scope (and in each open shadow root), so it goes in as one adopted
 * stylesheet we own; a per-instance name keeps an updated script from clashing with its
 * predecessor.
 */
export class NumberHighlights {
  readonly name = `stringee-c2c-${Math.random().toString(36).slice(2, 8)}`;
  readonly light = new Highlight();
  readonly dark = new Highlight();
  private readonly sheet = new CSSStyleSheet();
  private readonly scopes = new Set<Document | ShadowRoot>();

  constructor() {
    const rule = (suffix: string, color: string): string =>
      `::highlight(${this.name}${suffix}) { text-decoration: underline dotted ${color} 2px; text-underline-offset: 3px; }`;
    // Print the page as it is: no marks on paper.
    this.sheet.replaceSync(
      `${rule('', '#4285f4')}\n${rule('-dark', '#8ab4f8')}\n@media print { ::highlight(${this.name}), ::highlight(${this.name}-dark) { text-decoration: none; } }`,
    );
    CSS.highlights.set(this.name, this.light);
    CSS.highlights.set(`${this.name}-dark`, this.dark);
  }

  /** Adds our sheet to a document or open shadow root, once. Pages replacing the list drop it; `ensure` re-adds. */
  adopt(scope: Document | ShadowRoot): void {
    this.scopes.add(scope);
    if (!scope.adoptedStyleSheets.includes(this.sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, this.sheet];
  }

  ensure(): void {
    for (const scope of this.scopes) this.adopt(scope);
    // The registry is the page's too: put our highlights back if a script cleared it.
    if (CSS.highlights.get(this.name) !== this.light) CSS.highlights.set(this.name, this.light);
    if (CSS.highlights.get(`${this.name}-dark`) !== this.dark) CSS.highlights.set(`${this.name}-dark`, this.dark);
  }

  add(range: AbstractRange, dark: boolean): void {
    (dark ? this.dark : this.light).add(range);
  }

  delete(range: AbstractRange): void {
    this.light.delete(range);
    this.dark.delete(range);
  }

  dispose(): void {
    this.light.clear();
    this.dark.clear();
    if (CSS.highlights.get(this.name) === this.light) CSS.highlights.delete(this.name);
    if (CSS.highlights.get(`${this.name}-dark`) === this.dark) CSS.highlights.delete(`${this.name}-dark`);
    for (const scope of this.scopes) {
      if (scope.adoptedStyleSheets.includes(this.sheet))
        scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== this.sheet);
    }
    this.scopes.clear();
  }
}
