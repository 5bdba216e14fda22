// Example composed tool: `pythagorean` computes a hypotenuse by calling the `square` and
// `square_root` tools further down the chain (examples/square, examples/square-root), and hides
// them: the client lists and calls only `pythagorean`. Serve it in front of them:
//   wasmcp-ts serve pythagorean.wasm square.wasm square-root.wasm
import { defineTools } from '@wasmcp-ts/sdk';
import { defineMiddleware, serveTools } from '@wasmcp-ts/sdk/middleware';

const tools = defineTools([
  {
    name: 'pythagorean',
    description: 'The hypotenuse of a right triangle with legs a and b',
    inputSchema: {
      type: 'object',
      properties: { a: { type: 'number', minimum: 0 }, b: { type: 'number', minimum: 0 } },
      required: ['a', 'b'],
      additionalProperties: false,
    },
    outputSchema: { type: 'object', properties: { hypotenuse: { type: 'number' } }, required: ['hypotenuse'] },
    handler: async ({ a, b }, ctx) => {
      const call = async (tool: string, x: number) => (await ctx.downstream.callTool(tool, { x })).structuredContent!.result as number;
      const [a2, b2] = await Promise.all([call('square', a), call('square', b)]);
      const hypotenuse = await call('square_root', a2 + b2);
      return { content: [{ type: 'text', text: `${hypotenuse}` }], structuredContent: { hypotenuse } };
    },
  },
]);

export const serverHandler = defineMiddleware(serveTools(tools, { hide: ['square', 'square_root'] }));
