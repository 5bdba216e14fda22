// Server-to-client requests during a tool call, with the official SDK client answering: the
// conformance fixture's test_elicitation (sessions.elicit) and test_sampling (the SDK's
// ctx.sample) send their request on the call's SSE stream; the client's answer is a POST of its
// own, served by another worker, handed over through the session store to the waiting call.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema, ElicitRequestSchema, McpError, type CreateMessageRequest, type ElicitRequest } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { example, fusedServer, VARIANT_BUILDS } from '../support/artifacts.js';
import { MCP_HEADERS, rawRequest } from '../support/http.js';
import { startServer, type TestServer } from '../support/server.js';

// Long enough for the pool to start an extra worker for an answer under a loaded CI machine.
const TIMEOUT_SECONDS = 60;
const SHORT_TIMEOUT_SECONDS = 2;

type Answer<R> = (request: R) => Promise<Record<string, unknown>>;

describe.each(VARIANT_BUILDS)('server-to-client requests during a tool call (%s, %s)', (variant, build) => {
  let server: TestServer;
  let impatient: TestServer;
  const clients: Client[] = [];

  const serve = (timeoutSeconds: number, workers: number) =>
    startServer({
      components: [build === 'fused' ? fusedServer('examples/conformance', 'conformance', variant) : example('conformance', variant)],
      variant,
      env: { WASMCP_SESSION_ENABLED: 'true', WASMCP_CLIENT_REQUEST_TIMEOUT: String(timeoutSeconds) },
      workers,
    });

  beforeAll(async () => {
    // Three workers: the client's GET stream takes one, so two calls waiting at once leave the
    // answers to an extra worker the pool starts.
    [server, impatient] = await Promise.all([serve(TIMEOUT_SECONDS, 3), serve(SHORT_TIMEOUT_SECONDS, 1)]);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await Promise.all([server?.close(), impatient?.close()]);
  });

  /** A connected client that answers elicitation and sampling requests with these functions (when given). */
  async function connect(answers: { elicit?: Answer<ElicitRequest>; sample?: Answer<CreateMessageRequest> }, to = () => server): Promise<Client> {
    const capabilities = { ...(answers.elicit ? { elicitation: {} } : {}), ...(answers.sample ? { sampling: {} } : {}) };
    const client = new Client({ name: 'client-requests-e2e', version: '1.0.0' }, { capabilities });
    if (answers.elicit) client.setRequestHandler(ElicitRequestSchema, (request) => answers.elicit!(request) as never);
    if (answers.sample) client.setRequestHandler(CreateMessageRequestSchema, (request) => answers.sample!(request) as never);
    await client.connect(new StreamableHTTPClientTransport(new URL(to().mcpUrl)));
    clients.push(client);
    return client;
  }

  const textOf = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as Array<{ text: string }>)[0].text;

  it('elicitation: the tool gets what the user entered', async () => {
    const asked: ElicitRequest[] = [];
    const client = await connect({
      elicit: async (request) => {
        asked.push(request);
        return { action: 'accept', content: { username: 'ada', email: 'ada@example.com' } };
      },
    });
    const result = await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who are you?' } });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toBe('User response: action=accept, content={"username":"ada","email":"ada@example.com"}');
    expect(asked).toHaveLength(1);
    expect(asked[0].params).toMatchObject({ message: 'Who are you?', requestedSchema: { type: 'object', required: ['username', 'email'] } });
  });

  it('elicitation: a declined request reaches the tool as declined', async () => {
    const client = await connect({ elicit: async () => ({ action: 'decline' }) });
    expect(textOf(await client.callTool({ name: 'test_elicitation', arguments: { message: 'Share?' } }))).toBe('User response: action=decline, content={}');
  });

  it('sampling: the tool gets the model answer to its prompt', async () => {
    const asked: CreateMessageRequest[] = [];
    const client = await connect({
      sample: async (request) => {
        asked.push(request);
        return { role: 'assistant', content: { type: 'text', text: 'Forty-two.' }, model: 'test-model', stopReason: 'endTurn' };
      },
    });
    const result = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'What is the answer?' } });
    expect(textOf(result)).toBe('LLM response: Forty-two.');
    expect(asked[0].params).toMatchObject({ messages: [{ role: 'user', content: { type: 'text', text: 'What is the answer?' } }], maxTokens: 100 });
  });

  it('two calls waiting at once each get their own answer, though every worker is busy', async () => {
    const client = await connect({
      elicit: async (request) => {
        // Answer only when both requests are out: both calls then hold a worker.
        await new Promise((r) => setTimeout(r, 300));
        return { action: 'accept', content: { username: request.params.message, email: 'x@example.com' } };
      },
    });
    const [first, second] = await Promise.all(
      ['first', 'second'].map((message) => client.callTool({ name: 'test_elicitation', arguments: { message } })),
    );
    expect(textOf(first)).toContain('"username":"first"');
    expect(textOf(second)).toContain('"username":"second"');
  });

  it("an error answer fails the tool with the client's error", async () => {
    const client = await connect({
      elicit: async () => {
        throw new McpError(-32000, 'the user closed the dialog');
      },
    });
    const result = await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who?' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('the client answered elicitation/create with error -32000');
    expect(textOf(result)).toContain('the user closed the dialog');
  });

  it('a client that declared neither capability is not asked; the tool says why', async () => {
    const client = await connect({});
    const elicited = await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who?' } });
    expect(elicited.isError).toBe(true);
    expect(textOf(elicited)).toContain('the client did not declare the elicitation capability');
    const sampled = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'Hi' } });
    expect(sampled.isError).toBe(true);
    expect(textOf(sampled)).toContain('the client did not declare the sampling capability');
  });

  it('a client that never answers: the tool fails after WASMCP_CLIENT_REQUEST_TIMEOUT, and the server goes on', async () => {
    const client = await connect({ sample: () => new Promise(() => {}) }, () => impatient);
    const started = Date.now();
    const result = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'Hello?' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`the client did not answer sampling/createMessage within ${SHORT_TIMEOUT_SECONDS} s (WASMCP_CLIENT_REQUEST_TIMEOUT)`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SHORT_TIMEOUT_SECONDS * 1000);
    expect(textOf(await client.callTool({ name: 'test_simple_text', arguments: {} }))).toContain('simple text');
  });

  it('a response to a request the server never sent is accepted (202) and changes nothing', async () => {
    const client = await connect({ elicit: async () => ({ action: 'cancel' }) });
    const sessionId = (client.transport as StreamableHTTPClientTransport).sessionId!;
    const stray = await rawRequest(server.mcpUrl, {
      headers: { ...MCP_HEADERS, 'mcp-session-id': sessionId },
      body: JSON.stringify({ jsonrpc: '2.0', id: 'server-request-0000000000000000', result: { action: 'accept', content: {} } }),
    });
    expect(stray.status).toBe(202);
    expect(textOf(await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who?' } }))).toBe('User response: action=cancel, content={}');
  });

  it('a response without a valid session is refused like any other request', async () => {
    const stray = await rawRequest(server.mcpUrl, {
      headers: { ...MCP_HEADERS, 'mcp-session-id': '00000000-0000-4000-8000-000000000000' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 'server-request-0000000000000000', result: { action: 'accept' } }),
    });
    expect(stray.status).toBe(404);
  });
});
