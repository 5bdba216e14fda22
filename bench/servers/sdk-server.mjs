// Reference (c): the official SDK's McpServer with the benchmark's echo tool, on Node's HTTP
// server through the SDK's Streamable HTTP transport with JSON responses and sessions (one
// transport per session, as the SDK's examples do), so it does what our full chain does.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

function mcpServer() {
  const server = new McpServer({ name: 'bench-sdk', version: '0.1.0' });
  // The same echo as test/fixtures/test-tools: the arguments come back as the text.
  server.registerTool('echo', { description: 'Echoes its arguments', inputSchema: { text: z.string() } }, async (args) => ({
    content: [{ type: 'text', text: JSON.stringify(args) }],
  }));
  return server;
}

const transports = new Map();

const httpServer = http.createServer(async (req, res) => {
  let transport = transports.get(req.headers['mcp-session-id']);
  if (!transport) {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: true,
      onsessioninitialized: (id) => transports.set(id, transport),
    });
    await mcpServer().connect(transport);
  }
  await transport.handleRequest(req, res);
});

httpServer.listen(0, '127.0.0.1', () => {
  process.stderr.write(`sdk-server: MCP server on http://127.0.0.1:${httpServer.address().port}/mcp\n`);
});
