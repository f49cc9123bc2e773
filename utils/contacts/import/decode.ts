/**
 * Text of an imported file. Excel writes CSV as UTF-8 with a BOM, as UTF-16 ("Unicode text"), or
 * in the Windows code page of the PC (1258 on Vietnamese Windows); phones export UTF-8.
 */
export function decodeFile(bytes: Uint8Array): string {
  // Code page 1258 writes tone marks as combining characters: compose them.
  return decodeRaw(bytes).normalize('NFC');
}

function decodeRaw(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}
