// Example tools component: string utilities, written with @wasmcp-ts/sdk.
import { defineTools, type ToolAnnotations } from '@wasmcp-ts/sdk';

const textInput = {
  type: 'object',
  properties: { text: { type: 'string', description: 'The input text' } },
  required: ['text'],
  additionalProperties: false,
} as const;
const pure: ToolAnnotations = { readOnlyHint: true, idempotentHint: true };

export const tools = defineTools([
  { name: 'reverse', description: 'Reverse a string (by code point)', inputSchema: textInput, annotations: pure, handler: ({ text }) => [...text].reverse().join('') },
  { name: 'uppercase', description: 'Convert a string to upper case', inputSchema: textInput, annotations: pure, handler: ({ text }) => text.toUpperCase() },
  { name: 'lowercase', description: 'Convert a string to lower case', inputSchema: textInput, annotations: pure, handler: ({ text }) => text.toLowerCase() },
  {
    name: 'word_count',
    description: 'Count the words in a string',
    inputSchema: textInput,
    annotations: pure,
    handler: ({ text }) => String(text.split(/\s+/).filter(Boolean).length),
  },
]);
