// Optional wire trace for debugging: SANDBOX_TRACE=1 prints every SDK frame in and out.
const enabled = process.env.SANDBOX_TRACE === '1';

export function trace(direction: 'in' | 'out', who: string, text: string): void {
  if (!enabled) return;
  const short = text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
  console.log(`[sandbox ${direction === 'in' ? '→' : '←'} ${who}] ${short}`);
}
