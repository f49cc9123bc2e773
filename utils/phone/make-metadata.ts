// Writes utils/phone/metadata.json: libphonenumber-js metadata with the full ("max") data for
// Vietnam, whose number types (mobile, fixed, toll-free, premium) the product shows and
// checks, and the small ("min") data for every other country: international numbers are
// still recognised and validated by length, and typed as "other". Run after upgrading
// libphonenumber-js:  npx tsx utils/phone/make-metadata.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FULL = new Set(['VN']);
const dir = path.resolve(import.meta.dirname, '../../node_modules/libphonenumber-js');
const max = JSON.parse(readFileSync(path.join(dir, 'metadata.max.json'), 'utf8'));
const min = JSON.parse(readFileSync(path.join(dir, 'metadata.min.json'), 'utf8'));
const countries: Record<string, unknown> = {};
for (const [code, data] of Object.entries(min.countries)) countries[code] = FULL.has(code) ? max.countries[code] : data;
const out = { ...min, countries };
writeFileSync(path.join(import.meta.dirname, 'metadata.json'), `${JSON.stringify(out)}\n`);
console.log(`metadata.json: ${Object.keys(countries).length} countries, full data for ${[...FULL].join(', ')}`);
