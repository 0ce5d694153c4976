// Runs the TypeScript benchmarks with tsx and passes their exit code through.
// better-sqlite3 13 needs Node >= 22: under `npm run` the project's own Node 24 (node_modules/.bin)
// comes first on PATH; if this script was started with an older Node, it re-runs under that one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MIN_NODE_MAJOR = 22;

function pickNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= MIN_NODE_MAJOR) return process.execPath;
  const projectNode = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(projectNode)) {
    console.log(`Node ${process.version} cannot load better-sqlite3 13; using the project's ${projectNode}`);
    return projectNode;
  }
  console.error(`The benchmark needs Node >= ${MIN_NODE_MAJOR} (this is ${process.version}); run it with "npm run bench" after "npm install".`);
  process.exit(1);
}

const benchmarks = ['bench/header-bench.ts', 'bench/line-save-bench.ts', 'bench/po-list-bench.ts', 'bench/grid-bench.ts', 'bench/server-bench.ts', 'bench/import-bench.ts'];
let status = 0;
for (const script of benchmarks) {
  const result = spawnSync(pickNode(), ['--import', 'tsx', script, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  if (result.error) {
    console.error(`Could not start ${script}: ${result.error.message}`);
    status = 1;
  } else if (result.signal) {
    console.error(`${script} was killed by ${result.signal}`);
    status = 1;
  } else if (result.status !== 0) {
    status = result.status ?? 1;
  }
  if (status !== 0) break;
}
process.exit(status);
