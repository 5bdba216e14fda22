// The official v2 MCP client (@modelcontextprotocol/client 2.4) against `wasmcp-ts stdio`, in
// its three negotiation modes: 'legacy' (initialize), 'auto' (server/discover first) and pinned
// to 2026-07-28.
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, VARIANTS } from '../support/artifacts.js';

const CLI = join(__dirname, '..', '..', 'packages', 'runtime', 'dist', 'cli.js');

type Mode = 'legacy' | 'auto' | { pin: string };
const MODES: [string, Mode, string][] = [
  ['legacy', 'legacy', '2025-11-25'],
  ['auto', 'auto', '2026-07-28'],
  ['pinned to 2026-07-28', { pin: '2026-07-28' }, '2026-07-28'],
];

describe.each(VARIANTS)('official v2 client over stdio (%s)', (variant) => {
  describe.each(MODES)('negotiation %s', (_name, mode, version) => {
    let client: Client;
    beforeAll(async () => {
      client = new Client({ name: 'sdk-v2-stdio', version: '2.0.0' }, { versionNegotiation: { mode } });
      await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'stdio', '--variant', variant, example('calculator', variant)], stderr: 'pipe' }));
    });
    afterAll(() => client?.close());

    it(`speaks ${version}, lists and calls`, async () => {
      expect(client.getNegotiatedProtocolVersion()).toBe(version);
      expect(client.getServerCapabilities()).toMatchObject({ tools: {} });
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['add', 'subtract', 'multiply', 'divide']);
      expect(await client.callTool({ name: 'multiply', arguments: { a: 6, b: 7 } })).toMatchObject({ content: [{ type: 'text', text: '42' }] });
      await expect(client.callTool({ name: 'no_such_tool', arguments: {} })).rejects.toMatchObject({ code: -32602 });
    });
  });
});
