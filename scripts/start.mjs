// Starts the purchasing desk: the Electron app where an Electron binary is available, otherwise
// the same built app served on loopback to a browser (this machine cannot download Electron).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { findElectronBinary } = require('./electron-binary.cjs');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(bin('electron-vite'), ['build']);

let electron = findElectronBinary();
if (!electron && process.env.PURCHASING_DESK_SHELL !== 'browser') {
  // Lets the electron package fetch its binary once, where the network allows it.
  spawnSync(process.execPath, ['-e', "require('electron')"], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  electron = findElectronBinary();
}

if (electron && process.env.PURCHASING_DESK_SHELL !== 'browser') {
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('No Electron binary on this machine, so the desk runs in your browser on loopback instead.');
  const host = spawn(process.execPath, [join(root, 'out/main/web-host.js')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const match = /running at (http:\/\/\S+)/.exec(String(chunk));
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (match && process.env.DISPLAY && existsSync(chromium) && process.env.PURCHASING_DESK_NO_BROWSER !== '1') {
      spawn(chromium, [`--app=${match[1]}`, '--no-first-run', '--disable-background-networking', '--disable-sync'], {
        stdio: 'ignore',
        detached: true,
      }).unref();
    }
  });
  const stop = () => host.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => process.exit(code ?? 0));
}
