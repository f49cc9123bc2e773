/**
 * Marks found numbers with the CSS Custom Highlight API: the page's text is never touched,
 * the browser paints a dotted underline over the ranges (a light tint on very large pages). The `::highlight()` rule must live in
 * the page's own tree scope (and in each open shadow root), so it goes in as one adopted
 * stylesheet we own; a per-instance name keeps an updated script from clashing with its
 * predecessor.
 */
/** Documents with more elements than this are marked with a tint, not an underline (`choose`). */
const LARGE_DOCUMENT = 50_000;

export class NumberHighlights {
  readonly name = `stringee-c2c-${Math.random().toString(36).slice(2, 8)}`;
  /** The highlights in use: the underlined pair, or on a large document the tinted one (`choose`). */
  private light = new Highlight();
  private dark = new Highlight();
  /** '' (underlined) or '-tint'; decided at the first number and kept. */
  private suffix: string | undefined;
  private readonly sheet = new CSSStyleSheet();
  private readonly scopes = new Set<Document | ShadowRoot>();
  private readonly pendingAdd = new Map<AbstractRange, boolean>();
  private readonly pendingDelete = new Set<AbstractRange>();
  private lastFlush = -Infinity;
  private lastCost = 0;
  private measuring = false;

  constructor() {
    const rule = (suffix: string, color: string): string =>
      `::highlight(${this.name}${suffix}) { text-decoration: underline dotted ${color} 2px; text-underline-offset: 3px; }`;
    const tint = (suffix: string, color: string): string => `::highlight(${this.name}-tint${suffix}) { background-color: ${color}; }`;
    const all = ['', '-dark', '-tint', '-tint-dark'].map((s) => `::highlight(${this.name}${s})`).join(', ');
    // Print the page as it is: no marks on paper.
    this.sheet.replaceSync(
      `${rule('', '#4285f4')}\n${rule('-dark', '#8ab4f8')}\n${tint('', 'rgba(66, 133, 244, 0.16)')}\n${tint('-dark', 'rgba(138, 180, 248, 0.24)')}\n` +
        `@media print { ${all} { text-decoration: none; background-color: transparent; } }`,
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
    const name = this.name + (this.suffix ?? '');
    if (CSS.highlights.get(name) !== this.light) CSS.highlights.set(name, this.light);
    if (CSS.highlights.get(`${name}-dark`) !== this.dark) CSS.highlights.set(`${name}-dark`, this.dark);
  }

  /**
   * Underline or tint, once, before the first range goes in. Chromium treats a text
   * decoration in a highlight as ink overflow: every change to the highlights then recomputes
   * the ink overflow of the containers around each marked text, all their children included
   * (measured, one range added: a frame 50 ms longer on the 20,000-row table, 15 ms on the 5 MB
   * article; 8 and 5 ms with a background colour). So a document with more than LARGE_DOCUMENT
   * elements is marked with a light tint instead, which overflows nothing. Counting stops there
   * (a few ms on the table).
   */
  private choose(): void {
    this.suffix = document.getElementsByTagName('*')[LARGE_DOCUMENT] ? '-tint' : '';
    if (!this.suffix) return;
    this.unregister(this.name);
    this.light = new Highlight();
    this.dark = new Highlight();
    this.ensure();
  }

  /** Takes our pair out of the registry under `name`, unless the page put others there. */
  private unregister(name: string): void {
    if (CSS.highlights.get(name) === this.light) CSS.highlights.delete(name);
    if (CSS.highlights.get(`${name}-dark`) === this.dark) CSS.highlights.delete(`${name}-dark`);
  }

  /**
   * Adds and deletes are only collected here and applied by `flush`. In Chromium every change
   * to a registered highlight repaints the whole document: measured on the 20,000-row table,
   * adding one range costs a ~95 ms frame with 100 ranges registered and ~400 ms with 20,000.
   * So changes go in as few batches as the page allows (see `flush`).
   */
  add(range: AbstractRange, dark: boolean): void {
    if (this.suffix === undefined) this.choose();
    if (!this.pendingDelete.delete(range)) this.pendingAdd.set(range, dark);
  }

  delete(range: AbstractRange): void {
    if (!this.pendingAdd.delete(range)) this.pendingDelete.add(range);
  }

  get dirty(): boolean {
    return this.pendingAdd.size > 0 || this.pendingDelete.size > 0;
  }

  /**
   * Milliseconds until a flush is allowed. After a flush, the frame it caused is timed, and
   * the next flush waits ten times that long: the repaints stay under ~10 % of the main
   * thread however large the page is. `urgent` (the first screen, a settled scan) waits only
   * for the frame to be timed.
   */
  wait(urgent: boolean): number {
    if (this.measuring) return 50;
    const gap = urgent ? 0 : Math.max(250, this.lastCost * 10);
    return Math.max(0, this.lastFlush + gap - performance.now());
  }

  /** Applies pending changes in one go; `after` runs in the task after the next frame. */
  flush(after: (fn: () => void) => void, frame: (fn: (framed: boolean) => void) => void): void {
    if (!this.dirty) return;
    for (const r of this.pendingDelete) {
      this.light.delete(r);
      this.dark.delete(r);
    }
    for (const [r, dark] of this.pendingAdd) (dark ? this.dark : this.light).add(r);
    this.pendingAdd.clear();
    this.pendingDelete.clear();
    this.ensure();
    const start = performance.now();
    this.lastFlush = start;
    this.measuring = true;
    // No frame in time (a tab behind another window): the cost is unknown, the last one stands.
    frame((framed) =>
      after(() => {
        this.measuring = false;
        if (framed) this.lastCost = performance.now() - start;
      }),
    );
  }

  dispose(): void {
    this.pendingAdd.clear();
    this.pendingDelete.clear();
    this.light.clear();
    this.dark.clear();
    this.unregister(this.name + (this.suffix ?? ''));
    for (const scope of this.scopes) {
      if (scope.adoptedStyleSheets.includes(this.sheet))
        scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== this.sheet);
    }
    this.scopes.clear();
  }
}
