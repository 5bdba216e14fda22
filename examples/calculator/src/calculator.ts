import { textResult, toolArguments } from '@wasmcp-ts/protocol';
import type { CallToolResult, Tool } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';

const operands = JSON.stringify({
  type: 'object',
  properties: { a: { type: 'number', description: 'First operand' }, b: { type: 'number', description: 'Second operand' } },
  required: ['a', 'b'],
  additionalProperties: false,
});

const operations: Record<string, { description: string; apply: (a: number, b: number) => number | string }> = {
  add: { description: 'Add two numbers', apply: (a, b) => a + b },
  subtract: { description: 'Subtract b from a', apply: (a, b) => a - b },
  multiply: { description: 'Multiply two numbers', apply: (a, b) => a * b },
  divide: { description: 'Divide a by b', apply: (a, b) => (b === 0 ? 'Division by zero' : a / b) },
};

export const calculatorTools: Tool[] = Object.entries(operations).map(([name, op]) => ({
  name,
  inputSchema: operands,
  options: { description: op.description, annotations: { readOnlyHint: true, idempotentHint: true } },
}));

/** Runs a calculator tool; `undefined` when the name is not ours. */
export function callCalculator(name: string, argumentsJson: string | undefined): CallToolResult | undefined {
  const op = operations[name];
  if (!op) return undefined;
  const args = toolArguments(argumentsJson);
  const { a, b } = args;
  if (typeof a !== 'number' || typeof b !== 'number') return textResult('Arguments a and b must be numbers', true);
  const value = op.apply(a, b);
  return typeof value === 'string' ? textResult(value, true) : textResult(String(value));
}
