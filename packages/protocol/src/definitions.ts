// What servers list and clients expose: tools, resources, resource templates, prompts (with
// their messages), and roots.
import { decodeContentBlock, encodeAnnotations, encodeContentBlock, encodeIcons, optAnnotations, optIcons } from './content.js';
import { ROLES } from './enums.js';
import {
  asObject,
  get,
  optBool,
  optList,
  optMeta,
  optObjectText,
  optRecord,
  optString,
  optU64,
  options,
  reqEnum,
  reqObjectText,
  reqString,
  type Obj,
} from './fields.js';
import { jsonInteger, jsonObject, type JsonObject } from './json.js';
import { jsonTextValue, optJsonTextValue } from './json-text.js';
import type {
  McpResource,
  Prompt,
  PromptArgument,
  PromptMessage,
  ResourceTemplate,
  Root,
  Tool,
  ToolAnnotations,
} from './wit/wasmcp-mcp-v20251125-mcp.js';

function decodeToolAnnotations(o: Obj, path: string): ToolAnnotations {
  return {
    title: optString(o, 'title', path),
    readOnlyHint: optBool(o, 'readOnlyHint', path),
    destructiveHint: optBool(o, 'destructiveHint', path),
    idempotentHint: optBool(o, 'idempotentHint', path),
    openWorldHint: optBool(o, 'openWorldHint', path),
  };
}

/** Tool definitions; `execution` (tasks) has no WIT field and is dropped. */
export function decodeTool(v: unknown, where: string): Tool {
  const o = asObject(v, where);
  return {
    name: reqString(o, 'name', where),
    inputSchema: reqObjectText(o, 'inputSchema', where),
    options: options({
      meta: optMeta(o, where),
      annotations: optRecord(o, 'annotations', where, decodeToolAnnotations),
      description: optString(o, 'description', where),
      outputSchema: optObjectText(o, 'outputSchema', where),
      title: optString(o, 'title', where),
      icons: optIcons(o, where),
    }),
  };
}

export function encodeTool(t: Tool, path: string): JsonObject {
  const opts = t.options;
  const a = opts?.annotations;
  return jsonObject({
    name: t.name,
    title: opts?.title,
    description: opts?.description,
    inputSchema: jsonTextValue(t.inputSchema, `${path}.inputSchema`),
    outputSchema: optJsonTextValue(opts?.outputSchema, `${path}.outputSchema`),
    annotations:
      a &&
      jsonObject({
        title: a.title,
        readOnlyHint: a.readOnlyHint,
        destructiveHint: a.destructiveHint,
        idempotentHint: a.idempotentHint,
        openWorldHint: a.openWorldHint,
      }),
    icons: encodeIcons(opts?.icons),
    _meta: optJsonTextValue(opts?.meta, `${path}.meta`),
  });
}

export function decodeResource(v: unknown, where: string): McpResource {
  const o = asObject(v, where);
  return {
    uri: reqString(o, 'uri', where),
    name: reqString(o, 'name', where),
    options: options({
      size: optU64(o, 'size', where),
      title: optString(o, 'title', where),
      description: optString(o, 'description', where),
      mimeType: optString(o, 'mimeType', where),
      annotations: optAnnotations(o, where),
      meta: optMeta(o, where),
      icons: optIcons(o, where),
    }),
  };
}

export function encodeResource(r: McpResource, path: string): JsonObject {
  const opts = r.options;
  return jsonObject({
    uri: r.uri,
    name: r.name,
    title: opts?.title,
    description: opts?.description,
    mimeType: opts?.mimeType,
    size: opts?.size === undefined ? undefined : jsonInteger(opts.size),
    annotations: opts?.annotations && encodeAnnotations(opts.annotations),
    icons: encodeIcons(opts?.icons),
    _meta: optJsonTextValue(opts?.meta, `${path}.meta`),
  });
}

export function decodeResourceTemplate(v: unknown, where: string): ResourceTemplate {
  const o = asObject(v, where);
  return {
    uriTemplate: reqString(o, 'uriTemplate', where),
    name: reqString(o, 'name', where),
    options: options({
      description: optString(o, 'description', where),
      title: optString(o, 'title', where),
      mimeType: optString(o, 'mimeType', where),
      annotations: optAnnotations(o, where),
      meta: optMeta(o, where),
      icons: optIcons(o, where),
    }),
  };
}

export function encodeResourceTemplate(t: ResourceTemplate, path: string): JsonObject {
  const opts = t.options;
  return jsonObject({
    uriTemplate: t.uriTemplate,
    name: t.name,
    title: opts?.title,
    description: opts?.description,
    mimeType: opts?.mimeType,
    annotations: opts?.annotations && encodeAnnotations(opts.annotations),
    icons: encodeIcons(opts?.icons),
    _meta: optJsonTextValue(opts?.meta, `${path}.meta`),
  });
}

function decodePromptArgument(v: unknown, where: string): PromptArgument {
  const o = asObject(v, where);
  return {
    name: reqString(o, 'name', where),
    description: optString(o, 'description', where),
    required: optBool(o, 'required', where),
    title: optString(o, 'title', where),
  };
}

export function decodePrompt(v: unknown, where: string): Prompt {
  const o = asObject(v, where);
  return {
    name: reqString(o, 'name', where),
    options: options({
      meta: optMeta(o, where),
      arguments: optList(o, 'arguments', where, decodePromptArgument),
      description: optString(o, 'description', where),
      title: optString(o, 'title', where),
      icons: optIcons(o, where),
    }),
  };
}

export function encodePrompt(p: Prompt, path: string): JsonObject {
  const opts = p.options;
  return jsonObject({
    name: p.name,
    title: opts?.title,
    description: opts?.description,
    arguments: opts?.arguments?.map((a) => jsonObject({ name: a.name, title: a.title, description: a.description, required: a.required })),
    icons: encodeIcons(opts?.icons),
    _meta: optJsonTextValue(opts?.meta, `${path}.meta`),
  });
}

export function decodePromptMessage(v: unknown, where: string): PromptMessage {
  const o = asObject(v, where);
  return { role: reqEnum(o, 'role', where, ROLES), content: decodeContentBlock(get(o, 'content'), `${where}.content`) };
}

export function encodePromptMessage(m: PromptMessage, path: string): JsonObject {
  return { role: m.role, content: encodeContentBlock(m.content, `${path}.content`) };
}

export function decodeRoot(v: unknown, where: string): Root {
  const o = asObject(v, where);
  return { uri: reqString(o, 'uri', where), name: optString(o, 'name', where), meta: optMeta(o, where) };
}

export function encodeRoot(r: Root, path: string): JsonObject {
  return jsonObject({ uri: r.uri, name: r.name, _meta: optJsonTextValue(r.meta, `${path}.meta`) });
}
