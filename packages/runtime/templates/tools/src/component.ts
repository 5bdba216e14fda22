import { defineTools } from '@wasmcp-ts/sdk';

export const tools = defineTools([
  {
    name: 'greet',
    title: 'Greet',
    description: 'Say hello to someone',
    inputSchema: {
      type: 'object',
      properties: { name: { type: 'string', description: 'Who to greet' } },
      required: ['name'],
      additionalProperties: false,
    },
    handler: ({ name }) => `Hello, ${name}!`,
  },
]);
