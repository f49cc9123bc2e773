// The detector module score.mjs loads: the product's own findPhoneNumbers (TypeScript, loaded
// through tsx), answering with E.164 strings as the scorer expects.
import { tsImport } from 'tsx/esm/api';

const { findPhoneNumbers } = await tsImport('../utils/detect/find-numbers.ts', import.meta.url);

export function detect(text) {
  return findPhoneNumbers(text).map((n) => n.e164);
}
