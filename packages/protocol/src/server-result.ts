// Server results: the `result` member of a response to each client request.
import { decodeContentBlock, decodeResourceContents, encodeContentBlocks, encodeResourceContents } from './content.js';
import {
  decodePrompt,
  decodePromptMessage,
  decodeResource,
  decodeResourceTemplate,
  decodeTool,
  encodePrompt,
  encodePromptMessage,
  encodeResource,
  encodeResourceTemplate,
  encodeTool,
} from './definitions.js';
import { asObject, get, optBool, optMeta, optObjectText, optString, optU64, reqList, reqRecord, stringItem, type Obj } from './fields.js';
import { decodeInitializeResult, encodeInitializeResult } from './initialize.js';
import { isJsonObject, jsonInteger, jsonObject, type JsonObject } from './json.js';
import { optJsonTextValue } from './json-text.js';
import type { Json, ServerResult } from './wit/wasmcp-mcp-v20251125-mcp.js';

/** The field only one result kind has; `{}` is the empty result (ping, logging/setLevel). */
const SIGNATURE_FIELDS: Array<[string, ServerResult['tag']]> = [
  ['protocolVersion', 'initialize'],
  ['tools', 'tools-list'],
  ['content', 'tools-call'],
  ['resources', 'resources-list'],
  ['contents', 'resources-read'],
  ['resourceTemplates', 'resources-templates-list'],
  ['prompts', 'prompts-list'],
  ['messages', 'prompts-get'],
  ['completion', 'completion-complete'],
];

/** Which result a bare response holds, by its fields. */
export function detectServerResult(result: unknown): ServerResult['tag'] | undefined {
  if (!isJsonObject(result)) return undefined;
  for (const [field, tag] of SIGNATURE_FIELDS) if (get(result, field) !== undefined) return tag;
  return Object.keys(result).every((k) => k === '_meta') ? 'ping' : undefined;
}

function page(o: Obj): { meta?: Json; nextCursor?: string } {
  return { meta: optMeta(o, 'result'), nextCursor: optString(o, 'nextCursor', 'result') };
}

function pageFields(r: { meta?: Json; nextCursor?: string }): JsonObject {
  return jsonObject({ nextCursor: r.nextCursor, _meta: optJsonTextValue(r.meta, 'result.meta') });
}

export interface DecodedServerResult {
  result: ServerResult;
  rawProtocolVersion?: string;
}

export function serverResultFromJson(tag: ServerResult['tag'], result: unknown): DecodedServerResult {
  const o = asObject(result, 'result');
  const r = 'result';
  switch (tag) {
    case 'ping':
    case 'logging-set-level':
      return { result: { tag } };
    case 'initialize': {
      const { result: val, rawProtocolVersion } = decodeInitializeResult(o);
      return { result: { tag, val }, rawProtocolVersion };
    }
    case 'tools-list':
      return { result: { tag, val: { ...page(o), tools: reqList(o, 'tools', r, decodeTool) } } };
    case 'tools-call':
      return {
        result: {
          tag,
          val: {
            meta: optMeta(o, r),
            content: reqList(o, 'content', r, decodeContentBlock),
            isError: optBool(o, 'isError', r),
            structuredContent: optObjectText(o, 'structuredContent', r),
          },
        },
      };
    case 'resources-list':
      return { result: { tag, val: { ...page(o), resources: reqList(o, 'resources', r, decodeResource) } } };
    case 'resources-read':
      return { result: { tag, val: { meta: optMeta(o, r), contents: reqList(o, 'contents', r, decodeResourceContents) } } };
    case 'resources-templates-list':
      return { result: { tag, val: { ...page(o), resourceTemplates: reqList(o, 'resourceTemplates', r, decodeResourceTemplate) } } };
    case 'prompts-list':
      return { result: { tag, val: { ...page(o), prompts: reqList(o, 'prompts', r, decodePrompt) } } };
    case 'prompts-get':
      return {
        result: {
          tag,
          val: { meta: optMeta(o, r), description: optString(o, 'description', r), messages: reqList(o, 'messages', r, decodePromptMessage) },
        },
      };
    case 'completion-complete': {
      const c = reqRecord(o, 'completion', r, (x: Obj, where: string) => ({
        values: reqList(x, 'values', where, stringItem),
        total: optU64(x, 'total', where),
        hasMore: optBool(x, 'hasMore', where),
      }));
      return { result: { tag, val: { meta: optMeta(o, r), ...c } } };
    }
    default: {
      const _exhaustive: never = tag;
      return _exhaustive;
    }
  }
}

export function serverResultToJson(r: ServerResult): JsonObject {
  switch (r.tag) {
    case 'ping':
    case 'logging-set-level':
      return {};
    case 'initialize':
      return encodeInitializeResult(r.val);
    case 'tools-list':
      return { tools: r.val.tools.map((t, i) => encodeTool(t, `result.tools[${i}]`)), ...pageFields(r.val) };
    case 'tools-call':
      return jsonObject({
        content: encodeContentBlocks(r.val.content, 'result.content'),
        structuredContent: optJsonTextValue(r.val.structuredContent, 'result.structuredContent'),
        isError: r.val.isError,
        _meta: optJsonTextValue(r.val.meta, 'result.meta'),
      });
    case 'resources-list':
      return { resources: r.val.resources.map((x, i) => encodeResource(x, `result.resources[${i}]`)), ...pageFields(r.val) };
    case 'resources-read':
      return jsonObject({
        contents: r.val.contents.map((c, i) => encodeResourceContents(c, `result.contents[${i}]`)),
        _meta: optJsonTextValue(r.val.meta, 'result.meta'),
      });
    case 'resources-templates-list':
      return {
        resourceTemplates: r.val.resourceTemplates.map((t, i) => encodeResourceTemplate(t, `result.resourceTemplates[${i}]`)),
        ...pageFields(r.val),
      };
    case 'prompts-list':
      return { prompts: r.val.prompts.map((p, i) => encodePrompt(p, `result.prompts[${i}]`)), ...pageFields(r.val) };
    case 'prompts-get':
      return jsonObject({
        description: r.val.description,
        messages: r.val.messages.map((m, i) => encodePromptMessage(m, `result.messages[${i}]`)),
        _meta: optJsonTextValue(r.val.meta, 'result.meta'),
      });
    case 'completion-complete':
      return jsonObject({
        completion: jsonObject({
          values: r.val.values,
          total: r.val.total === undefined ? undefined : jsonInteger(r.val.total),
          hasMore: r.val.hasMore,
        }),
        _meta: optJsonTextValue(r.val.meta, 'result.meta'),
      });
    default: {
      const _exhaustive: never = r;
      return _exhaustive;
    }
  }
}
