// Small builders for tools components.
import { invalidParams, ProtocolError } from './errors.js';
import type { CallToolResult } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** A tool result with one text block; `isError` marks a tool execution error (the MCP rule). */
export function textResult(text: string, isError = false): CallToolResult {
  return {
    content: [{ tag: 'text', val: { text: { tag: 'text', val: text } } }],
    isError: isError || undefined,
  };
}

/** The `arguments` of tools/call as an object; anything but a JSON object is -32602. */
export function toolArguments(json: string | undefined): Record<string, unknown> {
  if (json === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ProtocolError(invalidParams('Tool arguments are not valid JSON'));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(invalidParams('Tool arguments must be a JSON object'));
  }
  return value as Record<string, unknown>;
}
