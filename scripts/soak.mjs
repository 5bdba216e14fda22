#!/usr/bin/env node
// A bounded soak of the default server (`wasmcp-ts serve` of the example tools, SQLite store,
// sessions on): mixed MCP calls from 8 concurrent clients for a few minutes, each client opening
// a session, calling tools and closing the session now and then. Prints the failed requests
// (target 0), latency percentiles and the server's RSS after warm-up and at the end (target:
// growth under 10 %). Not part of `npm test`; run `npm run build` first.
//   node scripts/soak.mjs [--seconds 180] [--concurrency 8] [--workers 4]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    concurrency: { type: 'string', default: '8' },
    workers: { type: 'string', default: '4' },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const WARM_UP_SECONDS = 15;
const CALLS_PER_SESSION = 50;

const root = join(import.meta.dirname, '..');
const cli = join(root, 'packages', 'runtime', 'bin', 'wasmcp-ts.js');
const examples = ['calculator', 'string-tools'].map((name) => join(root, 'examples', name, 'dist', 'draft', `${name}.wasm`));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process, in bytes (Linux). */
function rss(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) * 1024;
}

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The pool as /healthz reports it. */
async function health() {
  return (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
}

const dir = mkdtempSync(join(tmpdir(), 'wasmcp-soak-'));
const port = await freePort();
const server = spawn(process.execPath, [cli, 'serve', '--port', String(port), '--workers', values.workers, '--kv-path', join(dir, 'kv.sqlite'), ...examples], {
  stdio: ['ignore', 'inherit', 'pipe'],
});
let serverLog = '';
server.stderr.on('data', (chunk) => (serverLog += chunk));
const stopServer = () => {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', stopServer);

const url = `http://127.0.0.1:${port}/mcp`;
for (let tries = 0; !serverLog.includes('all ') && tries < 600; tries++) await new Promise((resolve) => setTimeout(resolve, 200));
if (!serverLog.includes('all ')) throw new Error(`the server did not start:\n${serverLog}`);

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };
const CALLS = [
  ['tools/list', {}],
  ['tools/call', { name: 'add', arguments: { a: 2, b: 3 } }],
  ['tools/call', { name: 'divide', arguments: { a: 1, b: 0 } }],
  ['tools/call', { name: 'reverse', arguments: { text: 'soak test' } }],
  ['tools/call', { name: 'word_count', arguments: { text: 'one two three four' } }],
  ['ping', {}],
];

const latencies = [];
const failures = [];
let measuring = false;

/** One JSON-RPC exchange; a failure is anything but a JSON-RPC result (an isError tool result counts as success). */
async function exchange(session, id, method, params) {
  const started = performance.now();
  const headers = session ? { ...HEADERS, 'mcp-session-id': session } : HEADERS;
  try {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', id, method, params }) });
    const text = await response.text();
    const data = text.split('\n').find((line) => line.startsWith('data: '));
    const message = JSON.parse(data ? data.slice(6) : text);
    if (!response.ok || !message.result) throw new Error(`${response.status} ${text.slice(0, 200)}`);
    return response.headers.get('mcp-session-id');
  } catch (err) {
    failures.push(`${method}: ${err.message}`);
    return undefined;
  } finally {
    if (measuring) latencies.push(performance.now() - started);
  }
}

async function client(deadline) {
  let id = 0;
  while (Date.now() < deadline) {
    const session = await exchange(undefined, ++id, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'soak', version: '1' } });
    if (!session) continue;
    await fetch(url, { method: 'POST', headers: { ...HEADERS, 'mcp-session-id': session }, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
    for (let i = 0; i < CALLS_PER_SESSION && Date.now() < deadline; i++) {
      const [method, params] = CALLS[(id + i) % CALLS.length];
      await exchange(session, ++id, method, params);
    }
    await fetch(url, { method: 'DELETE', headers: { ...HEADERS, 'mcp-session-id': session } });
  }
}

console.log(`soak: ${SECONDS} s of mixed calls at c=${CONCURRENCY} against wasmcp-ts serve (${values.workers} workers, SQLite, sessions on), after ${WARM_UP_SECONDS} s of warm-up`);
await Promise.all(Array.from({ length: CONCURRENCY }, () => client(Date.now() + WARM_UP_SECONDS * 1000)));
const warmUpFailures = failures.splice(0);
// Under c=8 the pool grows past --workers (extra workers for waiting requests): measure from
// when the extra workers have started, so that RSS compares like with like.
while ((await health()).starting > 0) await new Promise((resolve) => setTimeout(resolve, 200));
const rssStart = rss(server.pid);
const workersStart = `${(await health()).workers} workers`;
measuring = true;
const started = Date.now();
await Promise.all(Array.from({ length: CONCURRENCY }, () => client(started + SECONDS * 1000)));
const rssEnd = rss(server.pid);
const workersEnd = `${(await health()).workers} workers`;

latencies.sort((a, b) => a - b);
const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
console.log(`requests:        ${latencies.length} (${(latencies.length / SECONDS).toFixed(0)}/s)`);
console.log(`failed requests: ${failures.length}${warmUpFailures.length ? ` (and ${warmUpFailures.length} during warm-up)` : ''}`);
for (const failure of failures.slice(0, 10)) console.log(`  ${failure}`);
console.log(`latency:         p50 ${percentile(50)} ms, p99 ${percentile(99)} ms, max ${percentile(100)} ms`);
console.log(
  `server RSS:      ${mib(rssStart)} at start (${workersStart}), ${mib(rssEnd)} at end (${workersEnd}): ${(((rssEnd - rssStart) / rssStart) * 100).toFixed(1)} %`,
);
process.exitCode = failures.length > 0 ? 1 : 0;
