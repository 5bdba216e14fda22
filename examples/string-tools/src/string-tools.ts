import { textResult, toolArguments } from '@wasmcp-ts/protocol';
import type { CallToolResult, Tool } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';

const textInput = JSON.stringify({
  type: 'object',
  properties: { text: { type: 'string', description: 'The input text' } },
  required: ['text'],
  additionalProperties: false,
});

const operations: Record<string, { description: string; apply: (text: string) => string }> = {
  reverse: { description: 'Reverse a string (by code point)', apply: (t) => [...t].reverse().join('') },
  uppercase: { description: 'Convert a string to upper case', apply: (t) => t.toUpperCase() },
  lowercase: { description: 'Convert a string to lower case', apply: (t) => t.toLowerCase() },
  word_count: { description: 'Count the words in a string', apply: (t) => String(t.split(/\s+/).filter(Boolean).length) },
};

export const stringTools: Tool[] = Object.entries(operations).map(([name, op]) => ({
  name,
  inputSchema: textInput,
  options: { description: op.description, annotations: { readOnlyHint: true, idempotentHint: true } },
}));

/** Runs a string tool; `undefined` when the name is not ours. */
export function callStringTool(name: string, argumentsJson: string | undefined): CallToolResult | undefined {
  const op = operations[name];
  if (!op) return undefined;
  const { text } = toolArguments(argumentsJson);
  if (typeof text !== 'string') return textResult('Argument text must be a string', true);
  return textResult(op.apply(text));
}
