// Example tools component: arithmetic on two numbers, written with @wasmcp-ts/sdk.
import { defineTools, type ToolAnnotations } from '@wasmcp-ts/sdk';

const operands = {
  type: 'object',
  properties: { a: { type: 'number', description: 'First operand' }, b: { type: 'number', description: 'Second operand' } },
  required: ['a', 'b'],
  additionalProperties: false,
} as const;
const pure: ToolAnnotations = { readOnlyHint: true, idempotentHint: true };

export const tools = defineTools([
  { name: 'add', description: 'Add two numbers', inputSchema: operands, annotations: pure, handler: ({ a, b }) => String(a + b) },
  { name: 'subtract', description: 'Subtract b from a', inputSchema: operands, annotations: pure, handler: ({ a, b }) => String(a - b) },
  { name: 'multiply', description: 'Multiply two numbers', inputSchema: operands, annotations: pure, handler: ({ a, b }) => String(a * b) },
  {
    name: 'divide',
    description: 'Divide a by b',
    inputSchema: operands,
    annotations: pure,
    handler: ({ a, b }) => {
      if (b === 0) throw new Error('Division by zero');
      return String(a / b);
    },
  },
]);
