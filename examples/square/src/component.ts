// Example tools component: one tool, `square`. The pythagorean example calls it downstream.
import { defineTools } from '@wasmcp-ts/sdk';

export const tools = defineTools([
  {
    name: 'square',
    description: 'The square of a number',
    inputSchema: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'], additionalProperties: false },
    outputSchema: { type: 'object', properties: { result: { type: 'number' } }, required: ['result'] },
    annotations: { readOnlyHint: true, idempotentHint: true },
    handler: ({ x }) => {
      const result = x * x;
      if (!Number.isFinite(result)) throw new Error(`${x} squared is too large for a number`);
      return { structuredContent: { result } };
    },
  },
]);
