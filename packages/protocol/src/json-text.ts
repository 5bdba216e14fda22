// WIT `json` fields (JSON text) back into values for the encoders. Text that is not JSON is the
// sender's bug: encoding fails with internal-error naming the field, rather than sending a
// message that breaks the schema.
import { internalError, ProtocolError } from './errors.js';
import { isJsonObject, parseJson, setOwn, type JsonObject, type JsonValue } from './json.js';
import type { Json } from './wit/wasmcp-mcp-v20251125-mcp.js';

export function unencodable(message: string): never {
  throw new ProtocolError(internalError(message));
}

export function jsonTextValue(text: Json, path: string): JsonValue {
  const parsed = parseJson(text);
  if (!parsed.ok) unencodable(`${path} is not valid JSON text: ${parsed.message}`);
  return parsed.value as JsonValue;
}

export function optJsonTextValue(text: Json | undefined, path: string): JsonValue | undefined {
  return text === undefined ? undefined : jsonTextValue(text, path);
}

/** For `data` fields, which may hold any value: text that is not JSON goes as a JSON string. */
export function lenientJsonTextValue(text: Json): JsonValue {
  const parsed = parseJson(text);
  return parsed.ok ? (parsed.value as JsonValue) : text;
}

/** Copies the fields of a JSON object text into `target` (extras, extra fields of a record). */
export function spreadJsonText(target: JsonObject, text: Json | undefined, path: string): void {
  if (text === undefined) return;
  const value = jsonTextValue(text, path);
  if (!isJsonObject(value)) unencodable(`${path} must hold a JSON object`);
  for (const key of Object.keys(value)) setOwn(target, key, value[key]);
}
