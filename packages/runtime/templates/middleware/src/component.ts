import { defineTools } from '@wasmcp-ts/sdk';
import { addToResult, defineMiddleware, serveTools } from '@wasmcp-ts/sdk/middleware';

// A tool of this middleware's own; its handler could call the tools behind it with ctx.downstream.
const tools = defineTools([
  {
    name: 'greet',
    description: 'Say hello to someone',
    inputSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false },
    handler: ({ name }) => `Hello, ${name}!`,
  },
]);

// Every message passes through these steps in order, then down the chain: addToResult first,
// so it also sees the results serveTools answers itself.
export const serverHandler = defineMiddleware(
  addToResult('tools/call', (result) => ({ ...result, _meta: { ...(result._meta as object), 'example/served-by': '{{name}}' } })),
  serveTools(tools),
);
