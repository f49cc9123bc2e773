/**
 * Large synthetic pages for the benchmark and the end-to-end test. Each page records long
 * tasks (PerformanceObserver 'longtask') and the moment its first viewport's numbers are all
 * marked (window.dcl, window.firstMarked, window.registered: the frame our highlight registry
 * first appeared, window.firstHighlight: the first frame with a range in it), so numbers come from the same run as the baseline. Numbers sit in [data-ph]
 * elements (an attribute only: the text is what a real page would have).
 */
const PROBE = `<script>
  window.longTasks = [];
  window.longestAfterLoad = 0;
  let loaded = false;
  addEventListener('load', () => setTimeout(() => (loaded = true), 50));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.longTasks.push({ start: e.startTime, duration: e.duration });
      if (loaded) window.longestAfterLoad = Math.max(window.longestAfterLoad, e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  // Once per frame from DOMContentLoaded: which numbers ([data-ph]) are in the first viewport,
  // and the frame in which all of them are marked (a highlight registered under our name).
  // The same loop runs with and without the extension, so its own cost cancels out.
  document.addEventListener('DOMContentLoaded', () => {
    window.dcl = performance.now();
    let want;
    let seenSize = 0;
    const marked = new Set();
    const end = performance.now() + 10000;
    const tick = () => {
      if (window.firstFrame === undefined) {
        window.firstFrame = performance.now();
        // The task after this frame: its layout and paint are done (the page is on screen).
        const ch = new MessageChannel();
        ch.port1.onmessage = () => (window.firstFrameDone = performance.now());
        ch.port2.postMessage(0);
      }
      if (!want) {
        want = [];
        for (const el of document.querySelectorAll('[data-ph]')) {
          if (el.getBoundingClientRect().top >= innerHeight) break;
          want.push(el);
        }
        window.firstViewportNumbers = want.length;
      }
      // Highlights change rarely (batched flushes): read them again only when their size changed.
      let size = 0;
      let ranges = 0;
      CSS.highlights.forEach((h, name) => name.startsWith('stringee-c2c') && ((size += h.size + 1), (ranges += h.size)));
      if (size && window.registered === undefined) window.registered = performance.now();
      // The first frame that paints a mark of ours.
      if (ranges && window.firstHighlight === undefined) window.firstHighlight = performance.now();
      if (size !== seenSize) {
        seenSize = size;
        CSS.highlights.forEach((h, name) => {
          if (!name.startsWith('stringee-c2c')) return;
          for (const r of h) marked.add(r.startContainer.parentElement && r.startContainer.parentElement.closest('[data-ph]'));
        });
      }
      if (want.length && want.every((el) => marked.has(el))) return void (window.firstMarked = performance.now());
      if (performance.now() < end) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
</script>`;

const FIRST = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const PREFIX = ['091', '098', '090', '097', '086', '088', '093', '035'];

/** A deterministic mobile number for row i. */
export const rowPhone = (i: number): string => {
  const n = String(1_000_000 + ((i * 7919) % 8_999_999)).slice(-7);
  return `${PREFIX[i % PREFIX.length]}${n.slice(0, 1)} ${n.slice(1, 4)} ${n.slice(4)}`;
};

export function hugeTablePage(rows: number): string {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    body.push(
      `<tr><td>${i + 1}</td><td>${FIRST[i % FIRST.length]} Văn ${i}</td><td data-ph>${rowPhone(i)}</td><td>${(i % 28) + 1}/05/2024</td><td>${(i * 1000) % 9_000_000}.000đ</td><td>SO-${100000 + i}</td></tr>`,
    );
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>CRM</title>${PROBE}</head><body style="font:14px sans-serif">
<table><thead><tr><th>#</th><th>Khách hàng</th><th>Điện thoại</th><th>Ngày</th><th>Giá trị</th><th>Mã đơn</th></tr></thead><tbody>
${body.join('\n')}
</tbody></table></body></html>`;
}

/** Paragraphs `para(0)`, `para(1)`, … until they make `bytes`, as a page of running text. */
function textPage(title: string, bytes: number, para: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = para(i);
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>${PROBE}</head><body style="font:16px/1.5 serif;max-width:800px;margin:auto">${parts.join('\n')}</body></html>`;
}

/** About `bytes` of article text with a phone number every few paragraphs. */
export function articlePage(bytes: number): string {
  return textPage(
    'Article',
    bytes,
    (i) =>
      `<p>Đoạn ${i}: Công ty đã công bố kết quả kinh doanh quý ${(i % 4) + 1} năm ${2000 + (i % 25)} với doanh thu 1.${i % 10}00.000.000đ, tăng ${i % 30}% so với cùng kỳ. Mã số thuế 0${101234567 + i}. ${i % 5 === 0 ? `Liên hệ phòng truyền thông: <span data-ph>${rowPhone(i)}</span>.` : 'Chi tiết xem báo cáo thường niên.'}</p>`,
  );
}

/**
 * About `bytes` of news text without a phone number (dates, prices, percentages): what most
 * pages a user opens are, and all the content script can do there is cost time.
 */
export function plainPage(bytes: number): string {
  return textPage(
    'News',
    bytes,
    (i) =>
      `<p>Tin ${i}: Ngày ${(i % 28) + 1}/${(i % 12) + 1}/2026, giá vàng tăng ${i % 9},${i % 10}% lên ${70 + (i % 20)}.500.000 đồng mỗi lượng; chỉ số VN-Index đóng cửa ở ${1200 + i} điểm.</p>`,
  );
}

/** A page that changes `perSecond` text nodes every second (a live dashboard). */
export function mutatingPage(rows: number, perSecond: number): string {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) body.push(`<li>Agent ${i}: <span data-ph>${rowPhone(i)}</span> · <b>0</b> calls</li>`);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Live</title>${PROBE}</head><body style="font:14px sans-serif"><ul id="l">${body.join('')}</ul>
<script>
  const items = document.querySelectorAll('#l li b');
  let k = 0;
  setInterval(() => {
    for (let j = 0; j < ${perSecond / 10}; j++) { const b = items[k++ % items.length]; b.textContent = String(Number(b.textContent) + 1); }
  }, 100);
</script></body></html>`;
}
