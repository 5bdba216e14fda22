// The servers under test, each in its own child process so its memory is its own: (a) our
// full chain, (b) our public chain, (c) the official SDK, (d) the loopback floor, the fused
// complete servers of the same tools, (e) public and (f) full, and (j) `npm run serve`'s own.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'packages/runtime/dist/cli.js');
export const TEST_TOOLS = join(ROOT, 'test/fixtures/test-tools/dist/draft/test-tools.wasm');
/** What `npm run serve` serves: the examples' tools as one complete server, sessions on. */
export const EXAMPLES_SERVER = join(ROOT, 'examples/server/dist/draft/examples-server.wasm');
/** The CLI's default pool size, named here so the results record it. */
export const WORKERS = 4;

export const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-11-25',
};

export const jsonRpc = (id, method, params = {}) => JSON.stringify({ jsonrpc: '2.0', id, method, params });

const ISSUER = 'https://auth.bench.invalid';
const AUDIENCE = 'http://127.0.0.1/mcp';

/** An ES256 key for the authorization component and a bearer token it accepts for an hour. */
export function oauthSetup() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64url({ alg: 'ES256', typ: 'at+jwt' })}.${b64url({ iss: ISSUER, aud: AUDIENCE, sub: 'bench', iat: now, exp: now + 3600, scope: 'mcp' })}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return {
    env: {
      WASMCP_AUTH_MODE: 'oauth',
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      JWT_ALGORITHMS: 'ES256',
      JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }),
    },
    headers: { authorization: `Bearer ${input}.${signature}` },
  };
}

/**
 * The servers. Ours answer JSON rather than SSE (WASMCP_DISABLE_SSE), as the SDK server
 * is configured to, so all of them do the same work per request.
 */
export function benchServers({ kvFile, componentKvFile, fusedKvFile, examplesKvFile, oauth, fused }) {
  const ours = (args, env, component = TEST_TOOLS) => ({
    args: [CLI, 'serve', '--port', '0', '--workers', String(WORKERS), ...args, component],
    env: { WASMCP_DISABLE_SSE: 'true', ...env },
  });
  return [
    { id: 'a', name: 'ours, pieces, full chain', ...ours(['--framework', 'pieces', '--kv', 'sqlite', '--kv-path', kvFile], oauth.env), headers: oauth.headers },
    { id: 'b', name: 'ours, pieces, public chain', ...ours(['--framework', 'pieces', '--no-sessions', '--kv', 'memory'], {}), headers: {} },
    // The same tools component served as `wasmcp-ts serve my-tools.wasm` does by default: behind
    // the fused framework, with the capability middleware, server-io and method-not-found in Node.
    { id: 'h', name: 'ours, component, public', ...ours(['--no-sessions', '--kv', 'memory'], {}), headers: {} },
    { id: 'i', name: 'ours, component, full', ...ours(['--kv', 'sqlite', '--kv-path', componentKvFile], oauth.env), headers: oauth.headers },
    // `npm run serve` as a newcomer runs it (sessions on sqlite), calling its uppercase tool.
    { id: 'j', name: 'npm run serve (examples, sessions)', ...ours(['--kv', 'sqlite', '--kv-path', examplesKvFile], {}, EXAMPLES_SERVER), headers: {}, toolCall: { name: 'uppercase', arguments: { text: 'hello' } } },
    { id: 'c', name: 'official SDK v1', args: [join(ROOT, 'bench/servers/sdk-server.mjs')], env: {}, headers: {} },
    { id: 'g', name: 'official SDK v2', args: [join(ROOT, 'bench/servers/sdk-v2-server.mjs')], env: {}, headers: {} },
    { id: 'd', name: 'loopback floor', args: [join(ROOT, 'bench/servers/floor-server.mjs')], env: {}, headers: {} },
    ...(fused
      ? [
          { id: 'e', name: 'ours fused, public', ...ours(['--no-sessions', '--kv', 'memory'], {}, fused.public), headers: {} },
          { id: 'f', name: 'ours fused, full', ...ours(['--kv', 'sqlite', '--kv-path', fusedKvFile], oauth.env, fused.full), headers: oauth.headers },
        ]
      : []),
  ];
}

/** Spawns a server; resolves once it names its MCP URL on stderr. */
export function startServer(spec, env = {}) {
  const child = spawn(process.execPath, spec.args, { env: { ...process.env, ...spec.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let log = '';
    const onData = (chunk) => {
      log += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\/mcp/.exec(log)?.[0];
      if (!url) return;
      child.stderr.off('data', onData);
      child.stderr.resume();
      resolvePromise({ url, pid: child.pid, stop: () => stopChild(child) });
    };
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`${spec.args.join(' ')} exited (${code}) before serving:\n${log}`)));
  });
}

async function stopChild(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** initialize + notifications/initialized; returns the headers of every later request (with the session id, if any). */
export async function openSession(url, extraHeaders) {
  const headers = { ...MCP_HEADERS, ...extraHeaders };
  const init = await fetch(url, {
    method: 'POST',
    headers,
    body: jsonRpc(0, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '0.1.0' } }),
  });
  const answer = await init.text();
  if (init.status !== 200) throw new Error(`initialize answered ${init.status}: ${answer}`);
  const sessionId = init.headers.get('mcp-session-id');
  const session = sessionId ? { ...headers, 'mcp-session-id': sessionId } : headers;
  const initialized = await fetch(url, { method: 'POST', headers: session, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
  await initialized.arrayBuffer();
  return session;
}
