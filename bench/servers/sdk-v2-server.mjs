// Reference (g): the official SDK's stable line, v2 (@modelcontextprotocol/server 2.4), with
// the benchmark's echo tool, served the way its documentation serves Node: createMcpHandler
// (MCP 2026-07-28, and the 2025 era through its stateless legacy fallback) mounted on Node's
// HTTP server with toNodeHandler from @modelcontextprotocol/node. A new McpServer per request,
// as the handler's factory contract has it.
import http from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';

function mcpServer() {
  const server = new McpServer({ name: 'bench-sdk-v2', version: '0.1.0' });
  // The same echo as test/fixtures/test-tools: the arguments come back as the text.
  server.registerTool('echo', { description: 'Echoes its arguments', inputSchema: z.object({ text: z.string() }) }, async (args) => ({
    content: [{ type: 'text', text: JSON.stringify(args) }],
  }));
  return server;
}

const handle = toNodeHandler(createMcpHandler(mcpServer));
const httpServer = http.createServer((req, res) => void handle(req, res));

httpServer.listen(0, '127.0.0.1', () => {
  process.stderr.write(`sdk-v2-server: MCP server on http://127.0.0.1:${httpServer.address().port}/mcp\n`);
});
