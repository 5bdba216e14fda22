// ctx.elicit and ctx.sample under both eras, with the official v2 client (@modelcontextprotocol/
// client 2.4) and its own handlers answering: for a 2025-era client (legacy) the questions go
// out during the call; for a 2026-07-28 client (auto, pinned) the call answers input-required
// and the client retries with the answers. Same tool code (the conformance fixture) both ways.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, VARIANT_BUILDS } from '../support/artifacts.js';
import { startServer, type TestServer } from '../support/server.js';

type Mode = 'legacy' | 'auto' | { pin: string };
const MODES: [string, Mode, string][] = [
  ['legacy', 'legacy', '2025-11-25'],
  ['auto', 'auto', '2026-07-28'],
  ['pinned to 2026-07-28', { pin: '2026-07-28' }, '2026-07-28'],
];

describe.each(VARIANT_BUILDS)('elicitation and sampling round trips, official v2 client (%s, %s)', (variant, build) => {
  let server: TestServer;
  beforeAll(async () => {
    const fixture = artifact('examples/conformance', build === 'fused' ? 'conformance-server' : 'conformance', variant);
    server = await startServer({ components: [fixture], variant, env: { WASMCP_SESSION_ENABLED: 'true' }, workers: 2 });
  });
  afterAll(() => server?.close());

  describe.each(MODES)('negotiation %s', (_name, mode, version) => {
    let client: Client;
    const asked: string[] = [];
    beforeAll(async () => {
      client = new Client({ name: 'sdk-v2-round-trips', version: '2.0.0' }, { capabilities: { elicitation: {}, sampling: {} }, versionNegotiation: { mode } });
      client.setRequestHandler('elicitation/create', async (request) => {
        asked.push(`elicit: ${String(request.params.message)}`);
        return { action: 'accept', content: { username: 'alice', email: 'alice@example.com' } };
      });
      client.setRequestHandler('sampling/createMessage', async (request) => {
        asked.push(`sample: ${JSON.stringify(request.params.messages[0]?.content)}`);
        return { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'test-model' };
      });
      await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
    });
    afterAll(() => client?.close());

    it(`speaks ${version}`, () => {
      expect(client.getNegotiatedProtocolVersion()).toBe(version);
    });

    it('ctx.elicit: the user answers through the client, the tool gets the answer', async () => {
      const result = await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who are you?' } });
      expect(result.content).toEqual([{ type: 'text', text: 'User response: action=accept, content={"username":"alice","email":"alice@example.com"}' }]);
      expect(asked).toContain('elicit: Who are you?');
    });

    it("ctx.sample: the client's model answers, the tool gets the answer", async () => {
      const result = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'Capital of France?' } });
      expect(result.content).toEqual([{ type: 'text', text: 'LLM response: Paris' }]);
      expect(asked).toContain('sample: {"type":"text","text":"Capital of France?"}');
    });

    it('a resource read asks the user the same way', async () => {
      const result = await client.readResource({ uri: 'test://asks-the-user' });
      expect(result.contents).toEqual([{ uri: 'test://asks-the-user', mimeType: 'text/plain', text: 'Read for alice' }]);
      expect(asked).toContain('elicit: Which greeting?');
    });
  });
});
