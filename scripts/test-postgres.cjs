// A throwaway PostgreSQL server for the test suite, from Debian's `postgresql` package: installed when
// missing (as root), initialised in a temporary folder, listening on a free loopback port, stopped and
// deleted at the end. The server refuses to run as root, so as root it runs as the `postgres` user.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const PG_ROOT = '/usr/lib/postgresql';
const isRoot = () => process.getuid?.() === 0;

function findBinDir() {
  if (!fs.existsSync(PG_ROOT)) return undefined;
  const versions = fs
    .readdirSync(PG_ROOT)
    .filter((name) => fs.existsSync(path.join(PG_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(PG_ROOT, versions[0], 'bin');
}

function ensureInstalled() {
  const found = findBinDir();
  if (found) return found;
  if (!isRoot()) throw new Error("The integration tests need Debian's PostgreSQL server: sudo apt-get install -y postgresql");
  console.log('Installing Debian postgresql for the integration tests...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'postgresql']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
  const installed = findBinDir();
  if (!installed) throw new Error('postgresql was installed but initdb was not found under /usr/lib/postgresql');
  return installed;
}

/**
 * Where the cluster lives: memory (/dev/shm) when the machine has it, so creating a database per
 * test costs no disk writes (each CREATE DATABASE checkpoints); else the temporary folder.
 */
function scratchRoot() {
  const shm = '/dev/shm';
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    if (fs.statfsSync(shm).bavail * fs.statfsSync(shm).bsize > 1024 ** 3) return shm;
  } catch {
    // no shared memory folder here
  }
  return os.tmpdir();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the invoking user, or as `postgres` when invoked as root. */
function runAsServerUser(binary, args) {
  const [command, commandArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  execFileSync(command, commandArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Starts a fresh server; resolves to its connection URL and a `stop()` that removes every trace of it. */
async function startTestPostgres() {
  const bin = ensureInstalled();
  const dir = fs.mkdtempSync(path.join(scratchRoot(), 'desk-pg-'));
  const data = path.join(dir, 'data');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const port = await freePort();
  runAsServerUser(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'desk', '--no-sync', '-E', 'UTF8', '--locale=C']);
  // Durability is not what these tests are about: no fsync makes each test database quick to create.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runAsServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  let stopped = false;
  return {
    url: `postgres://desk@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

module.exports = { startTestPostgres };
