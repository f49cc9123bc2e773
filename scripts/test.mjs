#!/usr/bin/env node
// `npm test`: type check, builds, the Firefox build's lint, unit tests, then end-to-end tests in
// Chromium and Firefox inside a loopback-only network namespace. Ends with one line
// "N passed, N failed" over all suites.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = mkdtempSync(path.join(tmpdir(), 'c2c-test-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

function run(title, cmd, args) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: j.numPassedTests, failed: j.numFailedTests + (j.numTotalTestSuites > 0 && j.success === false && j.numFailedTests === 0 ? 1 : 0) };
}

function suite(title, ok) {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${title}: ${ok ? 'ok' : 'FAILED'}`);
}

// 1. Types and build are checks of their own: a broken build fails every e2e test anyway.
suite('typecheck', run('type check', bin('tsc'), ['--noEmit']));
const built = run('build', bin('wxt'), ['build']);
suite('build', built);
// Firefox: its own build (MV2, a call window instead of an offscreen document; see README),
// which addons.mozilla.org's linter must pass without a warning.
const builtFirefox = run('build (Firefox)', bin('wxt'), ['build', '-b', 'firefox']);
suite('build firefox', builtFirefox);
if (builtFirefox) {
  suite('lint firefox', run('web-ext lint (Firefox)', bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv2', '--warnings-as-errors']));
}

// 2. Unit tests.
const unitJson = path.join(out, 'unit.json');
run('unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
const unit = vitestCounts(unitJson) ?? { passed: 0, failed: 1 };
passed += unit.passed;
failed += unit.failed;

// 3. End-to-end tests in Chromium, and in Firefox (tests/e2e/firefox-*): WebRTC must only ever
// see loopback, so they run in a fresh network namespace with nothing but `lo`. Without one
// they refuse to run (and count as failed).
const e2eJson = path.join(out, 'e2e.json');
if (built) {
  const inner = `ip link set lo up && exec "${bin('vitest')}" run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="${e2eJson}"`;
  const ok = run('end-to-end tests (loopback-only namespace)', 'unshare', ['-n', 'sh', '-c', inner]);
  const e2e = vitestCounts(e2eJson);
  if (e2e) {
    passed += e2e.passed;
    failed += e2e.failed;
  } else {
    console.error(ok ? 'no e2e results' : 'could not enter a loopback-only network namespace: e2e tests refused');
    failed += 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
