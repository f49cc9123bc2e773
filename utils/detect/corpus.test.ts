import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { findPhoneNumbers } from './find-numbers';

interface Line {
  text: string;
  numbers: string[];
  ambiguous?: string[];
}

// The shared corpus's scoring rules (multiset hits; ambiguous predictions are free). The dev
// corpus is the project's shared one; the forms corpus holds the written forms found missing
// on real pages (issue 8), with hard negatives beside each kind.
it.each(['detect-corpus.jsonl', 'detect-forms.jsonl'])('scores F1 >= 0.99 on %s', (name) => {
  const file = path.resolve(import.meta.dirname, '../../tests/fixtures', name);
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Line);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const line of lines) {
    const gold = [...line.numbers];
    const ambiguous = new Set(line.ambiguous ?? []);
    for (const { e164 } of findPhoneNumbers(line.text)) {
      const k = gold.indexOf(e164);
      if (k >= 0) {
        gold.splice(k, 1);
        tp++;
      } else if (!ambiguous.has(e164)) fp++;
    }
    fn += gold.length;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  expect(f1).toBeGreaterThanOrEqual(0.99);
});
