// Start-up: from spawning a server to its answer to initialize. Cold = an empty transpile
// cache (WASMCP_TS_CACHE), so every component is transpiled first; warm = the same cache again.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { CLI, jsonRpc, MCP_HEADERS, startServer, TEST_TOOLS } from './servers.mjs';

const INITIALIZE = jsonRpc(0, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '0.1.0' } });

/** Spawn of an HTTP server to its answer to initialize, in ms. */
export async function serveStartMs(spec, env = {}) {
  const started = performance.now();
  const server = await startServer(spec, env);
  try {
    const answer = await fetch(server.url, { method: 'POST', headers: { ...MCP_HEADERS, ...spec.headers }, body: INITIALIZE });
    await answer.text();
    if (answer.status !== 200) throw new Error(`initialize answered ${answer.status}`);
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}

/** Spawn of `wasmcp-ts stdio` to the initialize response line on its stdout, in ms. */
export async function stdioStartMs(cacheDir, component = TEST_TOOLS) {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'stdio', component], { env: { ...process.env, WASMCP_TS_CACHE: cacheDir }, stdio: ['pipe', 'pipe', 'ignore'] });
  child.stdin.write(`${INITIALIZE}\n`);
  let output = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    output += chunk;
    if (output.includes('\n')) break;
  }
  const ms = performance.now() - started;
  child.stdin.end();
  if (child.exitCode === null) await once(child, 'exit');
  if (!output.includes('"result"')) throw new Error(`stdio answered initialize with ${output}`);
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}
