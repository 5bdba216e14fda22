// SEP-2243 (2026-07-28): a tool may mirror arguments into `Mcp-Param-{Name}` HTTP headers by
// marking the argument's schema with `x-mcp-header: Name`, so that a load balancer or gateway
// can route on them without reading the body. The server that reads the body must refuse a
// request whose headers say something else than the body (-32020, HTTP 400): otherwise an
// intermediary could be told one thing while the tool does another.
import { decodeHeaderValue, headerMismatch } from './modern.js';
import type { ErrorCode } from './wit/wasmcp-mcp-v20251125-mcp.js';

export const X_MCP_HEADER = 'x-mcp-header';

/** An argument mirrored into a header: the header's name part and the argument's path of `properties` keys. */
export interface ParamHeader {
  name: string;
  path: string[];
  type: 'string' | 'integer' | 'boolean';
}

// RFC 9110 field-name token: 1*tchar.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PRIMITIVES = new Set(['string', 'integer', 'boolean']);
// Keywords whose subschemas are not statically reachable by `properties` alone.
const UNREACHABLE_KEYWORDS = [
  'items', 'prefixItems', 'contains', 'additionalProperties', 'patternProperties', 'propertyNames', 'unevaluatedProperties',
  'unevaluatedItems', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas', '$defs', 'definitions',
];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `x-mcp-header` designations of a tool's input schema, in the order of its properties.
 * Throws an Error saying which rule a designation breaks (the spec makes the tool invalid then).
 */
export function paramHeadersOf(inputSchema: unknown): ParamHeader[] {
  const found: ParamHeader[] = [];
  collect(inputSchema, [], found);
  const seen = new Map<string, string>();
  for (const { name, path } of found) {
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) throw new Error(`${X_MCP_HEADER} "${name}" of ${path.join('.')} repeats the one of ${other} (names are case-insensitive)`);
    seen.set(name.toLowerCase(), path.join('.'));
  }
  return found;
}

function collect(schema: unknown, path: string[], found: ParamHeader[]): void {
  if (!isObject(schema)) return;
  if (X_MCP_HEADER in schema) {
    if (path.length === 0) throw new Error(`${X_MCP_HEADER} belongs on an argument's schema, not on the schema root`);
    const where = path.join('.');
    const name = schema[X_MCP_HEADER];
    if (typeof name !== 'string' || !TOKEN.test(name)) {
      throw new Error(`${X_MCP_HEADER} of ${where} must be a non-empty HTTP header token (letters, digits and !#$%&'*+-.^_\`|~), got ${JSON.stringify(name)}`);
    }
    const type = schema.type;
    if (typeof type !== 'string' || !PRIMITIVES.has(type)) {
      throw new Error(`${X_MCP_HEADER} of ${where} needs "type" string, integer or boolean, got ${JSON.stringify(type)}`);
    }
    found.push({ name, path, type: type as ParamHeader['type'] });
  }
  for (const keyword of UNREACHABLE_KEYWORDS) {
    if (keyword in schema && mentionsHeader(schema[keyword])) {
      throw new Error(`${X_MCP_HEADER} under "${keyword}" of ${path.length === 0 ? 'the schema root' : path.join('.')}: only arguments reached through "properties" alone can be mirrored`);
    }
  }
  if (isObject(schema.properties)) {
    for (const [key, property] of Object.entries(schema.properties)) collect(property, [...path, key], found);
  }
}

function mentionsHeader(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsHeader);
  if (!isObject(value)) return false;
  return X_MCP_HEADER in value || Object.values(value).some(mentionsHeader);
}

/** The argument at `path`, or undefined when any step is missing. */
function argumentAt(args: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = args;
  for (const key of path) {
    if (!isObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function sameValue(header: string, value: unknown, type: ParamHeader['type']): boolean {
  switch (type) {
    case 'string':
      return header === value;
    case 'boolean':
      return header === String(value) && typeof value === 'boolean';
    case 'integer':
      // Numerically, so `42.0` in the header is the body's 42.
      return typeof value === 'number' && header.trim() !== '' && Number(header) === value;
  }
}

/**
 * Each mirrored argument against its `Mcp-Param-{Name}` header: a value in the body needs the
 * header, decoded from `=?base64?…?=` when so encoded, saying the same; an argument absent or
 * null needs no header. The HeaderMismatch error, or undefined.
 */
export function checkParamHeaders(designations: readonly ParamHeader[], args: Record<string, unknown>, header: (name: string) => string | undefined): ErrorCode | undefined {
  for (const { name, path, type } of designations) {
    const headerName = `Mcp-Param-${name}`;
    const sent = header(headerName.toLowerCase());
    const value = argumentAt(args, path);
    if (value === undefined || value === null) {
      if (sent !== undefined) return headerMismatch(`${headerName} was sent but the body has no ${path.join('.')}`);
      continue;
    }
    if (sent === undefined) return headerMismatch(`the ${headerName} header is required when the body has ${path.join('.')}`);
    const decoded = decodeHeaderValue(sent);
    if (decoded === undefined) return headerMismatch(`the ${headerName} header is not valid =?base64?…?= encoding`);
    if (!sameValue(decoded, value, type)) {
      return headerMismatch(`${headerName} header value '${decoded}' does not match body value '${typeof value === 'string' ? value : JSON.stringify(value)}'`);
    }
  }
  return undefined;
}
