// prompts/get arguments: MCP defines them as a map of strings.
import { invalidParams, ProtocolError } from './errors.js';
import { isJsonObject, parseJson } from './json.js';
import type { Prompt } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** The `arguments` of prompts/get (JSON object text) as a map; anything else is -32602. */
export function promptArguments(json: string | undefined): Map<string, string> {
  const args = new Map<string, string>();
  if (json === undefined) return args;
  const parsed = parseJson(json);
  if (!parsed.ok || !isJsonObject(parsed.value)) throw new ProtocolError(invalidParams('Prompt arguments must be a JSON object'));
  for (const [name, value] of Object.entries(parsed.value)) {
    if (typeof value !== 'string') throw new ProtocolError(invalidParams(`Prompt argument "${name}" must be a string`));
    args.set(name, value);
  }
  return args;
}

/** -32602 naming the first argument the prompt requires that `args` lacks. */
export function checkRequiredArguments(prompt: Prompt, args: Map<string, string>): void {
  for (const argument of prompt.options?.arguments ?? []) {
    if (argument.required && !args.has(argument.name)) {
      throw new ProtocolError(invalidParams(`Missing required argument "${argument.name}" for prompt "${prompt.name}"`));
    }
  }
}
