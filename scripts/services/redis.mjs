#!/usr/bin/env node
// Private redis-server instances for tests: installs Debian's redis-server when it is missing
// (apt-get, as root or through sudo), then runs one on a free 127.0.0.1 port with its own
// temporary directory, append-only persistence and no other clients.
//
//   import { startRedis } from '../scripts/services/redis.mjs';
//   const redis = await startRedis();   // redis.url, redis.stop(), redis.restart()
//
// Run directly, it starts one instance, prints its URL and keeps it until interrupted.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INSTALL_LOCK = join(tmpdir(), 'wasmcp-ts-redis-install.lock');
const READY_TIMEOUT_MS = 10_000;
const INSTALL_WAIT_MS = 300_000;

function hasRedisServer() {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? [command, args] : ['sudo', ['-n', command, ...args]];
  const result = spawnSync(cmd, argv, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: INSTALL_WAIT_MS,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-10).join('\n');
    throw new Error(
      `redis-server is not installed and \`${[cmd, ...argv].join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}\n` +
        'Install it with: apt-get install -y redis-server',
    );
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes sure `redis-server` is on PATH, installing Debian's package once per machine. */
export async function ensureRedisServer() {
  if (hasRedisServer()) return;
  // Test files run in parallel processes: one installs, the others wait for it.
  const deadline = Date.now() + INSTALL_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(INSTALL_LOCK);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (Date.now() > deadline) {
        throw new Error(`redis-server is not installed and ${INSTALL_LOCK} has been held for ${INSTALL_WAIT_MS / 1000} s; remove it if no install is running`);
      }
      await sleep(500);
      if (hasRedisServer()) return;
    }
  }
  try {
    if (hasRedisServer()) return;
    // Wait for other apt/dpkg users rather than fail on their lock.
    const lockWait = ['-o', `DPkg::Lock::Timeout=${INSTALL_WAIT_MS / 1000}`];
    run('apt-get', [...lockWait, 'update']);
    run('apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', 'redis-server']);
    if (!hasRedisServer()) throw new Error('apt-get installed redis-server, but it is not on PATH');
  } finally {
    rmSync(INSTALL_LOCK, { recursive: true, force: true });
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(500, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      answer += data;
      if (answer.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(answer.startsWith('+PONG')));
    socket.on('error', () => {});
  });
}

/**
 * Starts a private redis-server. `stop()` shuts it down (on SIGTERM Redis writes its
 * append-only file to `dir` before exiting); `restart()` brings it back on the same port
 * with the same data; `close()` stops it and removes `dir`.
 */
export async function startRedis() {
  await ensureRedisServer();
  const dir = mkdtempSync(join(tmpdir(), 'wasmcp-ts-redis-'));
  const port = await freePort();
  let child;
  let log = '';

  const start = async () => {
    log = '';
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--protected-mode', 'yes'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (await ping(port)) return;
      if (child.exitCode !== null) break;
      await sleep(50);
    }
    child.kill('SIGKILL');
    await exited;
    throw new Error(`redis-server did not start on 127.0.0.1:${port}:\n${log.trim().split('\n').slice(-10).join('\n')}`);
  };

  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };

  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    /** Pauses the server (SIGSTOP): connections stay open, nothing is answered. */
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    stop,
    restart: start,
    async close() {
      child?.kill('SIGCONT');
      await stop();
      process.off('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const redis = await startRedis();
  console.log(redis.url);
  const shutdown = () => redis.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
