/** Lines of a textarea as a clean list (hostnames, addresses); commas separate too. */
export function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
