/**
 * Labels written outside a number's own text: the cell or element right before it ("MST" |
 * "0101234567") or its table column's header. Short texts only: a label, not a paragraph.
 */
const MAX_LABEL = 40;
const columnCache = new WeakMap<HTMLTableRowElement, string[]>();

export function headingFor(el: Element): string | undefined {
  const cell = el.closest('td, th');
  const holder = cell ?? el;
  const prev = holder.previousElementSibling?.textContent?.trim();
  const parts: string[] = [];
  if (prev && prev.length <= MAX_LABEL && !/\d{4}/.test(prev)) parts.push(prev);
  if (cell instanceof HTMLTableCellElement) {
    const header = columnHeader(cell);
    if (header) parts.push(header);
  }
  return parts.length ? parts.join(' · ') : undefined;
}

function columnHeader(cell: HTMLTableCellElement): string | undefined {
  const row = cell.parentElement;
  const table = cell.closest('table');
  if (!(row instanceof HTMLTableRowElement) || !table) return undefined;
  const headerRow = table.tHead?.rows[0] ?? table.rows[0];
  if (!headerRow || headerRow === row) return undefined;
  let texts = columnCache.get(headerRow);
  if (!texts) {
    texts = [...headerRow.cells].map((c) => (c.textContent ?? '').trim().slice(0, MAX_LABEL));
    columnCache.set(headerRow, texts);
  }
  return texts[cell.cellIndex];
}
