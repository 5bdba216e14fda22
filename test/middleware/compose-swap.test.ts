// `wasmcp-ts compose server` with a swapped piece: --terminal puts our TypeScript method-not-found
// at the end of the composed file's chain, and the composed server answers with it; pieces that
// do not fit, and a --transport that is no transport, are refused before anything is written.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { serveCli } from '../oci/registry.js';
import { example, fixture } from '../support/artifacts.js';
import { CLI } from '../support/project.js';
import { tempDir } from '../support/temp.js';

const work = tempDir('wasmcp-compose-swap');

function compose(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'compose', 'server', '--wasmtime', ...args], { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

it('--terminal FILE: the composed server ends in it', async () => {
  const terminal = fixture('friendly-terminal', 'draft');
  const output = join(work, 'swapped.wasm');
  const run = await compose(['--terminal', terminal, example('square', 'draft'), '-o', output]);
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('chain: http transport -> tools-middleware(square.wasm) -> method-not-found\n');
  expect(run.stdout).toContain(`${terminal} (method-not-found)`);
  expect(run.stdout).not.toContain('packages/method-not-found');
  const server = await serveCli(['--port', '0', '--workers', '1', '--kv', 'memory', output]);
  const client = new Client({ name: 'compose-swap', version: '1.0.0' });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
    await expect(client.listPrompts()).rejects.toMatchObject({ code: -32601, message: expect.stringContaining('Nobody here serves prompts/list; ask tools/list what this server does') });
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['square']);
  } finally {
    await client.close();
    await server.stop();
  }
}, 300_000);

it('refuses what does not fit, and writes nothing', async () => {
  const square = example('square', 'draft');
  const output = join(work, 'refused.wasm');
  const terminal = await compose(['--terminal', square, square, '-o', output]);
  expect(terminal.code).toBe(1);
  expect(terminal.stderr).toContain(`--terminal ${square} does not fit in place of method-not-found: it does not export wasmcp:mcp-v20251125/server-handler@0.1.1`);
  const transport = await compose(['--transport', square, square, '-o', output]);
  expect(transport.code).toBe(2);
  expect(transport.stderr).toContain(`--transport ${square} is not a transport: it exports neither wasi:http/incoming-handler nor wasi:cli/run`);
  expect(existsSync(output)).toBe(false);
});
