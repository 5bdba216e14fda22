// Swapping framework pieces: `wasmcp-ts serve --terminal FILE` puts a method-not-found of our own
// (test/fixtures/friendly-terminal) at the end of the chain, and its answers reach the client
// over HTTP; components that do not fit the world of the piece they would replace are refused
// before anything is served, saying why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCli, serveCliFailure, stdioCli, type ServeProcess } from '../oci/registry.js';
import { example, fixture, framework } from '../support/artifacts.js';
import { MCP_HEADERS, jsonRpc, messagesOf, rawRequest } from '../support/http.js';

const COMMON = ['--port', '0', '--workers', '1', '--kv', 'memory', '--no-sessions'];

async function promptsList(url: string) {
  return messagesOf(await rawRequest(url, { headers: MCP_HEADERS, body: jsonRpc(1, 'prompts/list') }))[0];
}

describe('serve --terminal FILE', () => {
  let swapped: ServeProcess;
  let standard: ServeProcess;
  beforeAll(async () => {
    [swapped, standard] = await Promise.all([
      serveCli([...COMMON, '--terminal', fixture('friendly-terminal', 'draft'), example('square', 'draft')]),
      serveCli([...COMMON, example('square', 'draft')]),
    ]);
  });
  afterAll(async () => {
    await swapped?.stop();
    await standard?.stop();
  });

  it('answers what nobody serves with the swapped-in terminal', async () => {
    expect(await promptsList(standard.mcpUrl)).toMatchObject({ id: 1, error: { code: -32601, message: 'Method not found: prompts/list' } });
    expect(await promptsList(swapped.mcpUrl)).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32601, message: 'Nobody here serves prompts/list; ask tools/list what this server does', data: { method: 'prompts/list' } },
    });
  });

  it('the chain in front still treats it as the end (tools listed and called as before)', async () => {
    const list = messagesOf(await rawRequest(swapped.mcpUrl, { headers: MCP_HEADERS, body: jsonRpc(2, 'tools/list') }))[0];
    expect(list.result.tools.map((t: { name: string }) => t.name)).toEqual(['square']);
    const call = messagesOf(await rawRequest(swapped.mcpUrl, { headers: MCP_HEADERS, body: jsonRpc(3, 'tools/call', { name: 'nope', arguments: {} }) }))[0];
    expect(call.error).toMatchObject({ code: -32602, message: 'Unknown tool: nope' });
  });
});

describe('pieces that do not fit are refused', () => {
  it('a tools component as the terminal: it exports no server-handler', async () => {
    const square = example('square', 'draft');
    const { code, stderr } = await serveCliFailure([...COMMON, '--terminal', square, square]);
    expect(code).toBe(1);
    expect(stderr).toContain(`--terminal ${square} does not fit in place of method-not-found: it does not export wasmcp:mcp-v20251125/server-handler@0.1.1`);
  });

  it('a middleware as the terminal: it imports server-handler, which nothing behind the end provides', async () => {
    const pythagorean = example('pythagorean', 'draft');
    const { code, stderr } = await serveCliFailure([...COMMON, '--terminal', pythagorean, example('square', 'draft')]);
    expect(code).toBe(1);
    expect(stderr).toContain("it imports wasmcp:mcp-v20251125/server-handler@0.1.1, which the piece's world does not import");
  });

  it('a transport that is not one, an unknown piece, and a draft2 piece in a draft server', async () => {
    const square = example('square', 'draft');
    const transport = await serveCliFailure([...COMMON, '--transport', fixture('friendly-terminal', 'draft'), square]);
    expect(transport.stderr).toContain('does not fit in place of http-transport: it does not export wasi:http/incoming-handler@');
    const unknown = await serveCliFailure([...COMMON, '--replace', `routing=${square}`, square]);
    expect(unknown.stderr).toContain('--replace routing: no framework piece is called routing');
    const variant = await serveCliFailure([...COMMON, '--replace', `sessions=${framework('sessions', 'draft2')}`, square]);
    expect(variant.stderr).toContain('this server runs the draft variant (wasi:keyvalue@0.2.0-draft)');
  });
});

describe('stdio --terminal FILE', () => {
  it('the swapped-in terminal answers over stdio too', async () => {
    const input = [jsonRpc(1, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } }), jsonRpc(2, 'prompts/list')].join('\n') + '\n';
    const { code, stdout } = await stdioCli(['--terminal', fixture('friendly-terminal', 'draft'), example('square', 'draft')], input);
    expect(code).toBe(0);
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(answers[1]).toMatchObject({ id: 2, error: { code: -32601, message: 'Nobody here serves prompts/list; ask tools/list what this server does' } });
  });
});
