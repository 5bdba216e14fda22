// The audit-log and tool-filter examples in one OAuth-protected chain, with the official MCP
// client and bearer tokens made here:  audit-log -> tool-filter -> calculator -> square.
// tool-filter hides `sub*` from everyone and lets only tokens with math:square see and call
// `square`; audit-log records every request with its outcome, session and subject in the
// key-value store, read back here from the server's SQLite file.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createKeyValueBackend } from '@wasmcp-ts/runtime';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, VARIANTS } from '../support/artifacts.js';
import { testIssuer } from '../support/oauth.js';
import { startServer, type TestServer } from '../support/server.js';
import { tempDir } from '../support/temp.js';


describe.each(VARIANTS)('audit-log and tool-filter in front of the tools (%s)', (variant) => {
  let server: TestServer;
  let kvFile: string;
  let sign: (subject: string, scope: string) => Promise<string>;
  const clients: Client[] = [];

  async function connect(subject: string, scope: string): Promise<{ client: Client; sessionId: string }> {
    const token = await sign(subject, scope);
    const transport = new StreamableHTTPClientTransport(new URL(server.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
    const client = new Client({ name: `policy-${subject}`, version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    return { client, sessionId: transport.sessionId! };
  }

  beforeAll(async () => {
    const issuer = await testIssuer();
    sign = (subject, scope) => issuer.sign({ sub: subject, scope });
    kvFile = join(tempDir('wasmcp-audit'), 'kv.sqlite');
    server = await startServer({
      components: [example('audit-log', variant), example('tool-filter', variant), example('calculator', variant), example('square', variant)],
      variant,
      workers: 2,
      keyValue: { kind: 'sqlite', path: kvFile },
      env: {
        WASMCP_SESSION_ENABLED: 'true',
        ...issuer.env,
        TOOL_FILTER_HIDE: 'sub*',
        TOOL_FILTER_SCOPES: JSON.stringify({ square: ['math:square'] }),
      },
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.close();
  });

  it('tool-filter: hidden by pattern for everyone, a scoped tool only for tokens holding the scope', async () => {
    const { client: plain } = await connect('bob', 'mcp');
    expect((await plain.listTools()).tools.map((t) => t.name)).toEqual(['add', 'multiply', 'divide']);
    await expect(plain.callTool({ name: 'subtract', arguments: { a: 3, b: 1 } })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('Unknown tool: subtract') });
    await expect(plain.callTool({ name: 'square', arguments: { x: 3 } })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining(`Tool "square" needs the scope math:square, which this client's token lacks`),
    });
    expect(await plain.callTool({ name: 'add', arguments: { a: 1, b: 2 } })).toEqual({ content: [{ type: 'text', text: '3' }] });

    const { client: scoped } = await connect('carol', 'mcp math:square');
    expect((await scoped.listTools()).tools.map((t) => t.name)).toEqual(['add', 'multiply', 'divide', 'square']);
    expect(await scoped.callTool({ name: 'square', arguments: { x: 3 } })).toMatchObject({ structuredContent: { result: 9 } });
    await expect(scoped.callTool({ name: 'subtract', arguments: { a: 3, b: 1 } })).rejects.toMatchObject({ code: -32602 });
  });

  it('audit-log: every request with its outcome, session and subject, in the key-value store', async () => {
    const { client, sessionId } = await connect('dave', 'mcp');
    await client.callTool({ name: 'divide', arguments: { a: 1, b: 0 } });
    await expect(client.callTool({ name: 'nope', arguments: {} })).rejects.toMatchObject({ code: -32602 });

    const store = createKeyValueBackend({ kind: 'sqlite', path: kvFile });
    const text = (key: string) => new TextDecoder().decode(store.get('default', key));
    const count = Number(text('audit:count'));
    const entries = Array.from({ length: count }, (_, i) => JSON.parse(text(`audit:${i + 1}`)));
    // The transport answers initialize itself, asking the chain what it serves (the probes).
    const probes = entries.filter((e) => e.subject === 'dave' && e.id === 'wasmcp-ts/capability-probe');
    expect(probes.map((e) => e.method)).toEqual(['tools/list', 'resources/list', 'prompts/list', 'completion/complete']);
    const dave = entries.filter((e) => e.subject === 'dave' && e.id !== 'wasmcp-ts/capability-probe');
    expect(dave.map((e) => [e.method, e.outcome])).toEqual([
      ['tools/call', 'tool-error'],
      ['tools/call', 'error'],
    ]);
    expect(dave[0]).toMatchObject({ tool: 'divide', session: sessionId, id: expect.anything(), at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(dave[1]).toMatchObject({ tool: 'nope', session: sessionId, error: { code: -32602, message: 'Unknown tool: nope' } });
    // The earlier clients' refused and served calls are there too, under their subjects.
    expect(entries.filter((e) => e.subject === 'bob' && e.method === 'tools/call').map((e) => [e.tool, e.outcome])).toEqual([
      ['subtract', 'error'],
      ['square', 'error'],
      ['add', 'result'],
    ]);
  });
});
