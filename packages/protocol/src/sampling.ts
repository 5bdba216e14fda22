// sampling/createMessage and its result. A WIT sampling message holds one content block, so the
// JSON array form of `content` (parallel tool calls) has no WIT form and is rejected; so is a
// result whose content is tool_use. Not in WIT, so dropped: `task`, a message's `_meta`.
import { decodeContentBlock, decodeSamplingContentBlock, encodeContentBlock, encodeSamplingContentBlock } from './content.js';
import { decodeTool, encodeTool } from './definitions.js';
import { includeContextFromJson, includeContextToJson, ROLES, TOOL_CHOICE_MODES } from './enums.js';
import {
  asObject,
  extraFieldsText,
  get,
  optEnum,
  optList,
  optMeta,
  optNumber,
  optObjectText,
  optRecord,
  optString,
  optStringList,
  reject,
  reqEnum,
  reqList,
  reqString,
  reqU64,
  type Obj,
} from './fields.js';
import { jsonInteger, jsonObject, type JsonObject } from './json.js';
import { optJsonTextValue, spreadJsonText } from './json-text.js';
import type {
  ModelHint,
  ModelPreferences,
  SamplingCreateMessageRequest,
  SamplingCreateMessageResult,
  SamplingMessage,
} from './wit/wasmcp-mcp-v20251125-mcp.js';

function singleContent(o: Obj, where: string): unknown {
  const content = get(o, 'content');
  if (Array.isArray(content)) reject(`${where}.content: an array of content blocks has no WIT form; send one block`);
  return content;
}

function decodeSamplingMessage(v: unknown, where: string): SamplingMessage {
  const o = asObject(v, where);
  return { role: reqEnum(o, 'role', where, ROLES), content: decodeSamplingContentBlock(singleContent(o, where), `${where}.content`) };
}

function decodeModelHint(v: unknown, where: string): ModelHint {
  const o = asObject(v, where);
  return { name: optString(o, 'name', where), extra: extraFieldsText(o, ['name']) };
}

function encodeModelHint(h: ModelHint, path: string): JsonObject {
  const out: JsonObject = {};
  spreadJsonText(out, h.extra, `${path}.extra`);
  if (h.name !== undefined) out.name = h.name;
  return out;
}

function decodeModelPreferences(o: Obj, path: string): ModelPreferences {
  return {
    costPriority: optNumber(o, 'costPriority', path),
    hints: optList(o, 'hints', path, decodeModelHint),
    intelligencePriority: optNumber(o, 'intelligencePriority', path),
    speedPriority: optNumber(o, 'speedPriority', path),
  };
}

function encodeModelPreferences(p: ModelPreferences, path: string): JsonObject {
  return jsonObject({
    hints: p.hints?.map((h, i) => encodeModelHint(h, `${path}.hints[${i}]`)),
    costPriority: p.costPriority,
    speedPriority: p.speedPriority,
    intelligencePriority: p.intelligencePriority,
  });
}

/** includeContext defaults to none and toolChoice.mode to auto, as the spec says. */
export function decodeSamplingRequest(params: Obj): SamplingCreateMessageRequest {
  const p = 'params';
  const includeContext = optString(params, 'includeContext', p);
  return {
    includeContext:
      includeContext === undefined ? 'none' : (includeContextFromJson(includeContext) ?? reject('params.includeContext must be one of none, thisServer, allServers')),
    maxTokens: reqU64(params, 'maxTokens', p),
    messages: reqList(params, 'messages', p, decodeSamplingMessage),
    metadata: optObjectText(params, 'metadata', p),
    modelPreferences: optRecord(params, 'modelPreferences', p, decodeModelPreferences),
    stopSequences: optStringList(params, 'stopSequences', p),
    systemPrompt: optString(params, 'systemPrompt', p),
    temperature: optNumber(params, 'temperature', p),
    tools: optList(params, 'tools', p, decodeTool),
    toolChoice: optRecord(params, 'toolChoice', p, (o, where) => ({ mode: optEnum(o, 'mode', where, TOOL_CHOICE_MODES) ?? 'auto' })),
  };
}

/** includeContext none is left out: it is the default and the other values are soft-deprecated. */
export function encodeSamplingRequest(r: SamplingCreateMessageRequest): JsonObject {
  return jsonObject({
    messages: r.messages.map((m, i) => ({ role: m.role, content: encodeSamplingContentBlock(m.content, `params.messages[${i}].content`) })),
    modelPreferences: r.modelPreferences && encodeModelPreferences(r.modelPreferences, 'params.modelPreferences'),
    systemPrompt: r.systemPrompt,
    includeContext: r.includeContext === 'none' ? undefined : includeContextToJson(r.includeContext),
    temperature: r.temperature,
    maxTokens: jsonInteger(r.maxTokens),
    stopSequences: r.stopSequences,
    metadata: optJsonTextValue(r.metadata, 'params.metadata'),
    tools: r.tools?.map((t, i) => encodeTool(t, `params.tools[${i}]`)),
    toolChoice: r.toolChoice && { mode: r.toolChoice.mode },
  });
}

const RESULT_FIELDS = ['_meta', 'role', 'content', 'model', 'stopReason'];

/** Fields beyond the schema's travel in `extra`, so nothing the client sent is lost. */
export function decodeSamplingResult(o: Obj): SamplingCreateMessageResult {
  return {
    meta: optMeta(o, 'result'),
    content: decodeContentBlock(singleContent(o, 'result'), 'result.content'),
    model: reqString(o, 'model', 'result'),
    role: reqEnum(o, 'role', 'result', ROLES),
    stopReason: optString(o, 'stopReason', 'result'),
    extra: extraFieldsText(o, RESULT_FIELDS),
  };
}

export function encodeSamplingResult(r: SamplingCreateMessageResult): JsonObject {
  const out: JsonObject = {};
  spreadJsonText(out, r.extra, 'result.extra');
  const known = jsonObject({
    role: r.role,
    content: encodeContentBlock(r.content, 'result.content'),
    model: r.model,
    stopReason: r.stopReason,
    _meta: optJsonTextValue(r.meta, 'result.meta'),
  });
  return { ...out, ...known };
}
