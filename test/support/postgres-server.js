// Jest global setup/teardown: gives the store tests a real PostgreSQL server. Uses
// TEST_DATABASE_URL when set; otherwise starts a throwaway cluster from the Debian postgresql
// binaries (installed by .ci/run) in a temporary folder, on a free loopback port.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Setup and teardown run in the same jest parent process: the server's details travel in its
// environment, so concurrent jest runs never stop each other's server.
const STATE = 'COSELL_TEST_POSTGRES';

function findBinaries() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function asPostgresUser(command, args) {
  // PostgreSQL refuses to run as root; CI runs as root, developers usually do not.
  if (process.getuid?.() === 0)
    return execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  return execFileSync(command, args, { stdio: 'pipe' });
}

/**
 * An initialised PGlite data folder, dumped once per jest run: opening a store from it skips
 * PGlite's initdb, which takes several seconds per test file on a busy machine.
 */
async function preparePgliteTemplate() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { writeFileSync } = await import('node:fs');
  const pglite = await PGlite.create();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const file = join(mkdtempSync(join(tmpdir(), 'cosell-pglite-')), 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.COSELL_TEST_PGLITE_TEMPLATE = file;
}

export default async function setup() {
  await preparePgliteTemplate();
  if (process.env.TEST_DATABASE_URL) return;
  const bin = findBinaries();
  if (!bin) {
    throw new Error(
      'The store tests need PostgreSQL: install the Debian package `postgresql` (as .ci/run does) or set TEST_DATABASE_URL to a server the tests may create databases on.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'cosell-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  asPostgresUser(join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'cosell',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  asPostgresUser(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-w',
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  process.env.TEST_DATABASE_URL = `postgres://cosell@127.0.0.1:${port}/postgres`;
  process.env[STATE] = JSON.stringify({ bin, dir, data });
}

export async function teardown() {
  const template = process.env.COSELL_TEST_PGLITE_TEMPLATE;
  if (template) rmSync(join(template, '..'), { recursive: true, force: true });
  const state = process.env[STATE];
  if (!state) return;
  const { bin, dir, data } = JSON.parse(state);
  try {
    asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    delete process.env[STATE];
  }
}
