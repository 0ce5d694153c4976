// The whole test suite, in the order that fails fastest: types, unit + integration, build, end to end.
// Ends with one "N passed, N failed" line summing every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { findElectronBinary } = createRequire(import.meta.url)('./electron-binary.cjs');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian packages the tests use, installed when missing and we are allowed to: poppler-utils
 * (pdftotext, pdftoppm) reads the PO documents back; without an Electron binary the specs run in
 * Debian's Chromium.
 */
function ensureDebianPackages() {
  const wanted = [];
  if (!existsSync('/usr/bin/pdftotext') || !existsSync('/usr/bin/pdftoppm')) wanted.push('poppler-utils');
  if (!findElectronBinary() && !existsSync(chromiumPath)) wanted.push('chromium');
  if (wanted.length === 0) return 0;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(`The tests need these Debian packages: sudo apt-get install -y ${wanted.join(' ')}`);
    return 1;
  }
  console.log(`Installing Debian ${wanted.join(', ')} for the tests...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return update.status ?? 1;
  return spawnSync('apt-get', ['install', '-y', '-qq', ...wanted], { stdio: 'inherit', env }).status ?? 1;
}
const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(join(results, 'screenshots'), { recursive: true });

const steps = [
  ['type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['Debian packages', ensureDebianPackages],
  ['unit and integration tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${join(results, 'vitest-report.json')}`]],
  ['build', bin('electron-vite'), ['build']],
  ['end-to-end tests', bin('playwright'), ['test']],
];

let failedStep;
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const status =
    typeof command === 'function'
      ? command()
      : spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } }).status;
  if (status !== 0) {
    failedStep = name;
    break;
  }
}

function counts(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  return read(JSON.parse(readFileSync(file, 'utf8')));
}
const unit = counts(join(results, 'vitest-report.json'), (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests,
  skipped: report.numPendingTests + report.numTodoTests,
}));
const e2e = counts(join(results, 'e2e-report.json'), (report) => ({
  passed: report.stats.expected,
  failed: report.stats.unexpected + report.stats.flaky,
  skipped: report.stats.skipped,
}));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (failedStep && unit.failed + e2e.failed === 0 ? 1 : 0);
console.log(`\nvitest: ${unit.passed} passed, ${unit.failed} failed; playwright: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
if (failedStep) console.log(`Stopped at: ${failedStep}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
