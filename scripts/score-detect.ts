// npm run score:detect -- --corpus FILE [score.mjs options]
// Scores the content script's detector with the shared corpus scorer and ends with one line:
// "precision P recall R F1 F".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scorer = process.env.SCORE_MJS ?? path.resolve(root, '../shared/corpus/score.mjs');
const args = process.argv.slice(2);
if (!args.includes('--corpus')) {
  console.error('usage: npm run score:detect -- --corpus FILE [--worst N] [--by-kind]');
  process.exit(2);
}
if (!existsSync(scorer)) {
  console.error(`scorer not found: ${scorer} (set SCORE_MJS)`);
  process.exit(2);
}
const dir = mkdtempSync(path.join(tmpdir(), 'score-detect-'));
const json = path.join(dir, 'score.json');
const run = spawnSync(process.execPath, [scorer, path.join(root, 'scripts/detect-adapter.mjs'), ...args, '--json', json], {
  stdio: 'inherit',
});
if (run.status !== 0 || !existsSync(json)) process.exit(run.status ?? 1);
const { summary } = JSON.parse(readFileSync(json, 'utf8')) as { summary: { precision: number; recall: number; f1: number } };
rmSync(dir, { recursive: true, force: true });
const f = (v: number): string => v.toFixed(4);
console.log(`precision ${f(summary.precision)} recall ${f(summary.recall)} F1 ${f(summary.f1)}`);
