// Finds an Electron binary that is already on this machine, without the package's download-on-first-use.
const fs = require('node:fs');
const path = require('node:path');

function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json', { paths: [path.join(__dirname, '..')] }));
  } catch {
    return undefined;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : 'electron';
  const candidate = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : path.join(packageDir, 'dist', relative);
  return fs.existsSync(candidate) ? candidate : undefined;
}

module.exports = { findElectronBinary };
