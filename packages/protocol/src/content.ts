// Content blocks (text, image, audio, resource_link, resource), resource contents, and the
// sampling-only blocks (tool_use, tool_result), with their annotations and icons.
import { decodeBase64, encodeBase64 } from './base64.js';
import { ICON_THEMES, ROLES } from './enums.js';
import {
  enumValue,
  get,
  optBool,
  optEnum,
  optList,
  optMeta,
  optNumber,
  optObjectText,
  optRecord,
  optString,
  optStringList,
  optU64,
  options,
  reject,
  reqList,
  reqObjectText,
  reqString,
  asObject,
  type Obj,
} from './fields.js';
import { jsonInteger, jsonObject, type JsonObject } from './json.js';
import { jsonTextValue, optJsonTextValue } from './json-text.js';
import { drainStream } from './stream.js';
import type {
  Annotations,
  Blob,
  BlobData,
  ContentBlock,
  ContentOptions,
  EmbeddedResourceOptions,
  Icon,
  ResourceContents,
  ResourceLinkContent,
  SamplingContentBlock,
  TextContent,
  TextData,
  ToolResultContent,
  ToolResultContentBlock,
  ToolUseContent,
} from './wit/wasmcp-mcp-v20251125-mcp.js';

// ---- annotations and icons ----

export function decodeAnnotations(o: Obj, path: string): Annotations {
  return {
    audience: optList(o, 'audience', path, (v, where) => enumValue(v, where, ROLES)),
    lastModified: optString(o, 'lastModified', path),
    priority: optNumber(o, 'priority', path),
  };
}

export function encodeAnnotations(a: Annotations): JsonObject {
  return jsonObject({ audience: a.audience, priority: a.priority, lastModified: a.lastModified });
}

export function decodeIcon(v: unknown, where: string): Icon {
  const o = asObject(v, where);
  return {
    src: reqString(o, 'src', where),
    mimeType: optString(o, 'mimeType', where),
    sizes: optStringList(o, 'sizes', where),
    theme: optEnum(o, 'theme', where, ICON_THEMES),
  };
}

export function encodeIcons(icons: Icon[] | undefined): JsonObject[] | undefined {
  return icons?.map((i) => jsonObject({ src: i.src, mimeType: i.mimeType, sizes: i.sizes, theme: i.theme }));
}

export function optIcons(o: Obj, path: string): Icon[] | undefined {
  return optList(o, 'icons', path, decodeIcon);
}

export function optAnnotations(o: Obj, path: string): Annotations | undefined {
  return optRecord(o, 'annotations', path, decodeAnnotations);
}

// ---- inline data ----

function encodeText(text: TextData, path: string): string {
  switch (text.tag) {
    case 'text':
      return text.val;
    case 'text-stream':
      return new TextDecoder().decode(drainStream(text.val, path));
    default: {
      const _exhaustive: never = text;
      return _exhaustive;
    }
  }
}

function encodeBlob(blob: BlobData, path: string): string {
  switch (blob.tag) {
    case 'blob':
      return encodeBase64(blob.val);
    case 'blob-stream':
      return encodeBase64(drainStream(blob.val, path));
    default: {
      const _exhaustive: never = blob;
      return _exhaustive;
    }
  }
}

function decodeBlobField(o: Obj, key: string, path: string): BlobData {
  const bytes = decodeBase64(reqString(o, key, path));
  if (bytes === undefined) reject(`${path}.${key} must be base64`);
  return { tag: 'blob', val: bytes };
}

// ---- text, image, audio ----

function decodeContentOptions(o: Obj, path: string): ContentOptions | undefined {
  return options({ annotations: optAnnotations(o, path), meta: optMeta(o, path) });
}

/** annotations and _meta of a block. */
function contentOptionFields(opts: ContentOptions | undefined, path: string): JsonObject {
  return jsonObject({
    annotations: opts?.annotations && encodeAnnotations(opts.annotations),
    _meta: optJsonTextValue(opts?.meta, `${path}.meta`),
  });
}

function decodeTextContent(o: Obj, path: string): TextContent {
  return { text: { tag: 'text', val: reqString(o, 'text', path) }, options: decodeContentOptions(o, path) };
}

function encodeTextContent(c: TextContent, path: string): JsonObject {
  return { type: 'text', text: encodeText(c.text, `${path}.text`), ...contentOptionFields(c.options, path) };
}

function decodeBlobContent(o: Obj, path: string): Blob {
  return { data: decodeBlobField(o, 'data', path), mimeType: reqString(o, 'mimeType', path), options: decodeContentOptions(o, path) };
}

function encodeBlobContent(type: 'image' | 'audio', c: Blob, path: string): JsonObject {
  return { type, data: encodeBlob(c.data, `${path}.data`), mimeType: c.mimeType, ...contentOptionFields(c.options, path) };
}

// ---- resources ----

function decodeResourceLink(o: Obj, path: string): ResourceLinkContent {
  return {
    uri: reqString(o, 'uri', path),
    name: reqString(o, 'name', path),
    options: options({
      title: optString(o, 'title', path),
      description: optString(o, 'description', path),
      size: optU64(o, 'size', path),
      mimeType: optString(o, 'mimeType', path),
      annotations: optAnnotations(o, path),
      meta: optMeta(o, path),
      icons: optIcons(o, path),
    }),
  };
}

function encodeResourceLink(c: ResourceLinkContent, path: string): JsonObject {
  const opts = c.options;
  return jsonObject({
    type: 'resource_link',
    uri: c.uri,
    name: c.name,
    title: opts?.title,
    description: opts?.description,
    mimeType: opts?.mimeType,
    size: opts?.size === undefined ? undefined : jsonInteger(opts.size),
    annotations: opts?.annotations && encodeAnnotations(opts.annotations),
    icons: encodeIcons(opts?.icons),
    _meta: optJsonTextValue(opts?.meta, `${path}.meta`),
  });
}

/** Text or blob resource contents (resources/read, embedded resources). */
export function decodeResourceContents(v: unknown, where: string): ResourceContents {
  const o = asObject(v, where);
  const uri = reqString(o, 'uri', where);
  const opts: EmbeddedResourceOptions | undefined = options({ mimeType: optString(o, 'mimeType', where), meta: optMeta(o, where) });
  const hasText = get(o, 'text') !== undefined;
  const hasBlob = get(o, 'blob') !== undefined;
  if (hasText === hasBlob) reject(`${where} must have exactly one of text and blob`);
  if (hasText) return { tag: 'text', val: { uri, text: { tag: 'text', val: reqString(o, 'text', where) }, options: opts } };
  return { tag: 'blob', val: { uri, blob: decodeBlobField(o, 'blob', where), options: opts } };
}

export function encodeResourceContents(c: ResourceContents, path: string): JsonObject {
  switch (c.tag) {
    case 'text':
      return jsonObject({
        uri: c.val.uri,
        mimeType: c.val.options?.mimeType,
        text: encodeText(c.val.text, `${path}.text`),
        _meta: optJsonTextValue(c.val.options?.meta, `${path}.meta`),
      });
    case 'blob':
      return jsonObject({
        uri: c.val.uri,
        mimeType: c.val.options?.mimeType,
        blob: encodeBlob(c.val.blob, `${path}.blob`),
        _meta: optJsonTextValue(c.val.options?.meta, `${path}.meta`),
      });
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
}

// ---- content blocks ----

function blockType(v: unknown, where: string): { o: Obj; type: string } {
  const o = asObject(v, where);
  return { o, type: reqString(o, 'type', where) };
}

export function decodeContentBlock(v: unknown, where: string): ContentBlock {
  const { o, type } = blockType(v, where);
  switch (type) {
    case 'text':
      return { tag: 'text', val: decodeTextContent(o, where) };
    case 'image':
      return { tag: 'image', val: decodeBlobContent(o, where) };
    case 'audio':
      return { tag: 'audio', val: decodeBlobContent(o, where) };
    case 'resource_link':
      return { tag: 'resource-link', val: decodeResourceLink(o, where) };
    case 'resource':
      return {
        tag: 'embedded-resource',
        val: { resource: decodeResourceContents(get(o, 'resource'), `${where}.resource`), options: decodeContentOptions(o, where) },
      };
    default:
      return reject(`${where}.type must be one of text, image, audio, resource_link, resource`);
  }
}

export function encodeContentBlock(block: ContentBlock, path: string): JsonObject {
  switch (block.tag) {
    case 'text':
      return encodeTextContent(block.val, path);
    case 'image':
      return encodeBlobContent('image', block.val, path);
    case 'audio':
      return encodeBlobContent('audio', block.val, path);
    case 'resource-link':
      return encodeResourceLink(block.val, path);
    case 'embedded-resource':
      return {
        type: 'resource',
        resource: encodeResourceContents(block.val.resource, `${path}.resource`),
        ...contentOptionFields(block.val.options, path),
      };
    default: {
      const _exhaustive: never = block;
      return _exhaustive;
    }
  }
}

export function encodeContentBlocks(blocks: ContentBlock[], path: string): JsonObject[] {
  return blocks.map((b, i) => encodeContentBlock(b, `${path}[${i}]`));
}

// ---- sampling blocks ----

function decodeToolResultBlock(v: unknown, where: string): ToolResultContentBlock {
  const { o, type } = blockType(v, where);
  switch (type) {
    case 'text':
      return { tag: 'text', val: decodeTextContent(o, where) };
    case 'image':
      return { tag: 'image', val: decodeBlobContent(o, where) };
    case 'audio':
      return { tag: 'audio', val: decodeBlobContent(o, where) };
    default:
      return reject(`${where}.type must be one of text, image, audio`);
  }
}

function encodeToolResultBlock(block: ToolResultContentBlock, path: string): JsonObject {
  switch (block.tag) {
    case 'text':
      return encodeTextContent(block.val, path);
    case 'image':
      return encodeBlobContent('image', block.val, path);
    case 'audio':
      return encodeBlobContent('audio', block.val, path);
    default: {
      const _exhaustive: never = block;
      return _exhaustive;
    }
  }
}

function decodeToolUse(o: Obj, path: string): ToolUseContent {
  return { id: reqString(o, 'id', path), name: reqString(o, 'name', path), input: reqObjectText(o, 'input', path) };
}

function decodeToolResult(o: Obj, path: string): ToolResultContent {
  return {
    toolUseId: reqString(o, 'toolUseId', path),
    content: reqList(o, 'content', path, decodeToolResultBlock),
    structuredContent: optObjectText(o, 'structuredContent', path),
    isError: optBool(o, 'isError', path),
  };
}

export function decodeSamplingContentBlock(v: unknown, where: string): SamplingContentBlock {
  const { o, type } = blockType(v, where);
  switch (type) {
    case 'text':
      return { tag: 'text', val: decodeTextContent(o, where) };
    case 'image':
      return { tag: 'image', val: decodeBlobContent(o, where) };
    case 'audio':
      return { tag: 'audio', val: decodeBlobContent(o, where) };
    case 'tool_use':
      return { tag: 'tool-use', val: decodeToolUse(o, where) };
    case 'tool_result':
      return { tag: 'tool-result', val: decodeToolResult(o, where) };
    default:
      return reject(`${where}.type must be one of text, image, audio, tool_use, tool_result`);
  }
}

export function encodeSamplingContentBlock(block: SamplingContentBlock, path: string): JsonObject {
  switch (block.tag) {
    case 'text':
      return encodeTextContent(block.val, path);
    case 'image':
      return encodeBlobContent('image', block.val, path);
    case 'audio':
      return encodeBlobContent('audio', block.val, path);
    case 'tool-use':
      return { type: 'tool_use', id: block.val.id, name: block.val.name, input: jsonTextValue(block.val.input, `${path}.input`) };
    case 'tool-result':
      return jsonObject({
        type: 'tool_result',
        toolUseId: block.val.toolUseId,
        content: block.val.content.map((b, i) => encodeToolResultBlock(b, `${path}.content[${i}]`)),
        structuredContent: optJsonTextValue(block.val.structuredContent, `${path}.structuredContent`),
        isError: block.val.isError,
      });
    default: {
      const _exhaustive: never = block;
      return _exhaustive;
    }
  }
}
