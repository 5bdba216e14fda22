// Example tools component: one tool, `square_root`. The pythagorean example calls it downstream.
import { defineTools } from '@wasmcp-ts/sdk';

export const tools = defineTools([
  {
    name: 'square_root',
    description: 'The square root of a non-negative number',
    inputSchema: { type: 'object', properties: { x: { type: 'number', minimum: 0 } }, required: ['x'], additionalProperties: false },
    outputSchema: { type: 'object', properties: { result: { type: 'number' } }, required: ['result'] },
    annotations: { readOnlyHint: true, idempotentHint: true },
    handler: ({ x }) => ({ structuredContent: { result: Math.sqrt(x) } }),
  },
]);
