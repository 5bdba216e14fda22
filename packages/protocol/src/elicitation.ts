// elicitation/create (form and URL modes), its restricted JSON schemas, and the client's answer.
// Not in WIT, so dropped: `$schema`, `pattern`, `minItems`/`maxItems`. The legacy
// `enum` + `enumNames` form is read as a titled single select.
import { ELICIT_ACTIONS, NUMBER_TYPES, STRING_FORMATS } from './enums.js';
import {
  asObject,
  get,
  numberValue,
  optBool,
  optEnum,
  optMeta,
  optNumber,
  optString,
  optStringList,
  optU32,
  reject,
  reqEnum,
  reqList,
  reqRecord,
  reqString,
  stringItem,
  type Obj,
} from './fields.js';
import { jsonObject, setOwn, type JsonObject, type JsonValue } from './json.js';
import { optJsonTextValue } from './json-text.js';
import type {
  ElicitRequest,
  ElicitResult,
  ElicitResultContent,
  EnumOption,
  EnumSchema,
  PrimitiveSchemaDefinition,
  RequestedSchema,
} from './wit/wasmcp-mcp-v20251125-mcp.js';

function decodeEnumOption(v: unknown, where: string): EnumOption {
  const o = asObject(v, where);
  return { constValue: reqString(o, 'const', where), title: reqString(o, 'title', where) };
}

function encodeEnumOptions(opts: EnumOption[]): JsonObject[] {
  return opts.map((x) => ({ const: x.constValue, title: x.title }));
}

/** Legacy titled enum: `enum` values with display names in `enumNames`. */
function legacyOptions(o: Obj, path: string): EnumOption[] {
  const values = reqList(o, 'enum', path, stringItem);
  const names = reqList(o, 'enumNames', path, stringItem);
  if (names.length !== values.length) reject(`${path}.enumNames must be as long as ${path}.enum`);
  return values.map((constValue, i) => ({ constValue, title: names[i] }));
}

function decodeStringTyped(o: Obj, path: string): PrimitiveSchemaDefinition {
  const common = { title: optString(o, 'title', path), description: optString(o, 'description', path) };
  if (get(o, 'oneOf') !== undefined || get(o, 'enumNames') !== undefined) {
    const oneOf = get(o, 'oneOf') !== undefined ? reqList(o, 'oneOf', path, decodeEnumOption) : legacyOptions(o, path);
    return { tag: 'enum-schema', val: { tag: 'titled-single-select', val: { oneOf, default: optString(o, 'default', path), ...common } } };
  }
  if (get(o, 'enum') !== undefined) {
    const values = reqList(o, 'enum', path, stringItem);
    return { tag: 'enum-schema', val: { tag: 'untitled-single-select', val: { enum: values, default: optString(o, 'default', path), ...common } } };
  }
  return {
    tag: 'string-schema',
    val: {
      default: optString(o, 'default', path),
      format: optEnum(o, 'format', path, STRING_FORMATS),
      maxLength: optU32(o, 'maxLength', path),
      minLength: optU32(o, 'minLength', path),
      ...common,
    },
  };
}

function decodeArrayTyped(o: Obj, path: string): EnumSchema {
  const common = { title: optString(o, 'title', path), description: optString(o, 'description', path), default: optStringList(o, 'default', path) };
  const items = asObject(get(o, 'items'), `${path}.items`);
  if (get(items, 'enum') !== undefined) {
    return { tag: 'untitled-multi-select', val: { enum: reqList(items, 'enum', `${path}.items`, stringItem), ...common } };
  }
  // The spec says anyOf; oneOf is accepted too, as some implementations write it.
  const key = get(items, 'anyOf') !== undefined ? 'anyOf' : 'oneOf';
  return { tag: 'titled-multi-select', val: { oneOf: reqList(items, key, `${path}.items`, decodeEnumOption), ...common } };
}

export function decodePrimitiveSchema(v: unknown, where: string): PrimitiveSchemaDefinition {
  const o = asObject(v, where);
  const type = reqString(o, 'type', where);
  const common = { title: optString(o, 'title', where), description: optString(o, 'description', where) };
  switch (type) {
    case 'string':
      return decodeStringTyped(o, where);
    case 'number':
    case 'integer':
      return {
        tag: 'number-schema',
        val: {
          type: reqEnum(o, 'type', where, NUMBER_TYPES),
          default: optNumber(o, 'default', where),
          maximum: optNumber(o, 'maximum', where),
          minimum: optNumber(o, 'minimum', where),
          ...common,
        },
      };
    case 'boolean':
      return { tag: 'boolean-schema', val: { default: optBool(o, 'default', where), ...common } };
    case 'array':
      return { tag: 'enum-schema', val: decodeArrayTyped(o, where) };
    default:
      return reject(`${where}.type must be one of string, number, integer, boolean, array`);
  }
}

function encodeEnumSchema(e: EnumSchema): JsonObject {
  switch (e.tag) {
    case 'untitled-single-select':
      return jsonObject({ type: 'string', title: e.val.title, description: e.val.description, enum: e.val.enum, default: e.val.default });
    case 'titled-single-select':
      return jsonObject({ type: 'string', title: e.val.title, description: e.val.description, oneOf: encodeEnumOptions(e.val.oneOf), default: e.val.default });
    case 'untitled-multi-select':
      return jsonObject({
        type: 'array',
        title: e.val.title,
        description: e.val.description,
        items: { type: 'string', enum: e.val.enum },
        default: e.val.default,
      });
    case 'titled-multi-select':
      return jsonObject({
        type: 'array',
        title: e.val.title,
        description: e.val.description,
        items: { anyOf: encodeEnumOptions(e.val.oneOf) },
        default: e.val.default,
      });
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

export function encodePrimitiveSchema(s: PrimitiveSchemaDefinition): JsonObject {
  switch (s.tag) {
    case 'string-schema':
      return jsonObject({
        type: 'string',
        title: s.val.title,
        description: s.val.description,
        minLength: s.val.minLength,
        maxLength: s.val.maxLength,
        format: s.val.format,
        default: s.val.default,
      });
    case 'number-schema':
      return jsonObject({
        type: s.val.type,
        title: s.val.title,
        description: s.val.description,
        minimum: s.val.minimum,
        maximum: s.val.maximum,
        default: s.val.default,
      });
    case 'boolean-schema':
      return jsonObject({ type: 'boolean', title: s.val.title, description: s.val.description, default: s.val.default });
    case 'enum-schema':
      return encodeEnumSchema(s.val);
    default: {
      const _exhaustive: never = s;
      return _exhaustive;
    }
  }
}

function decodeRequestedSchema(o: Obj, path: string): RequestedSchema {
  const properties = asObject(get(o, 'properties'), `${path}.properties`);
  return {
    properties: Object.keys(properties).map((k): [string, PrimitiveSchemaDefinition] => [
      k,
      decodePrimitiveSchema(properties[k], `${path}.properties.${k}`),
    ]),
    required: optStringList(o, 'required', path),
  };
}

function encodeRequestedSchema(s: RequestedSchema): JsonObject {
  const properties: JsonObject = {};
  for (const [key, schema] of s.properties) setOwn(properties, key, encodePrimitiveSchema(schema));
  return jsonObject({ type: 'object', properties, required: s.required });
}

/** `mode` absent means form (clients of 2025-06-18 send no mode). */
export function decodeElicitRequest(params: Obj): ElicitRequest {
  const mode = get(params, 'mode') ?? 'form';
  switch (mode) {
    case 'form':
      return {
        tag: 'form',
        val: { message: reqString(params, 'message', 'params'), requestedSchema: reqRecord(params, 'requestedSchema', 'params', decodeRequestedSchema) },
      };
    case 'url':
      return {
        tag: 'url',
        val: {
          elicitationId: reqString(params, 'elicitationId', 'params'),
          message: reqString(params, 'message', 'params'),
          url: reqString(params, 'url', 'params'),
        },
      };
    default:
      return reject('params.mode must be form or url');
  }
}

export function encodeElicitRequest(r: ElicitRequest): JsonObject {
  switch (r.tag) {
    case 'form':
      return { mode: 'form', message: r.val.message, requestedSchema: encodeRequestedSchema(r.val.requestedSchema) };
    case 'url':
      return { mode: 'url', message: r.val.message, elicitationId: r.val.elicitationId, url: r.val.url };
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}

function decodeElicitValue(v: unknown, where: string): ElicitResultContent {
  if (typeof v === 'string') return { tag: 'string', val: v };
  const n = numberValue(v);
  if (n !== undefined) return { tag: 'number', val: n };
  if (typeof v === 'boolean') return { tag: 'boolean', val: v };
  if (Array.isArray(v)) return { tag: 'string-array', val: v.map((x, i) => stringItem(x, `${where}[${i}]`)) };
  return reject(`${where} must be a string, number, boolean or array of strings`);
}

function elicitValueToJson(c: ElicitResultContent): JsonValue {
  switch (c.tag) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'string-array':
      return c.val;
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
}

export function decodeElicitResult(o: Obj): ElicitResult {
  const content = get(o, 'content');
  let entries: Array<[string, ElicitResultContent]> | undefined;
  if (content !== undefined && content !== null) {
    const c = asObject(content, 'result.content');
    entries = Object.keys(c).map((k): [string, ElicitResultContent] => [k, decodeElicitValue(c[k], `result.content.${k}`)]);
  }
  return { meta: optMeta(o, 'result'), action: reqEnum(o, 'action', 'result', ELICIT_ACTIONS), content: entries };
}

export function encodeElicitResult(r: ElicitResult): JsonObject {
  let content: JsonObject | undefined;
  if (r.content !== undefined) {
    content = {};
    for (const [key, value] of r.content) setOwn(content, key, elicitValueToJson(value));
  }
  return jsonObject({ action: r.action, content, _meta: optJsonTextValue(r.meta, 'result.meta') });
}
