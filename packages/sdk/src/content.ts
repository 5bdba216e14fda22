// What authors write: MCP's own JSON shapes (as in the spec and the official SDKs), turned into
// the WIT types by @wasmcp-ts/protocol's decoders. A shape the decoders refuse is the author's
// mistake, not the client's, so it becomes an AuthorError (never a -32602 protocol error).
import { decodeContentBlock, decodeResourceContents, errorRecord, ProtocolError, type JsonObject } from '@wasmcp-ts/protocol';
import type { ContentBlock, ResourceContents } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';

export interface Icon {
  src: string;
  mimeType?: string;
  sizes?: string[];
  theme?: 'light' | 'dark';
}

export interface Annotations {
  audience?: ('user' | 'assistant')[];
  priority?: number;
  lastModified?: string;
}

interface ContentFields {
  annotations?: Annotations;
  _meta?: JsonObject;
}

/** Resource contents: `text`, or `blob` as base64. */
export type ResourceContentsJson =
  | { uri: string; mimeType?: string; text: string; _meta?: JsonObject }
  | { uri: string; mimeType?: string; blob: string; _meta?: JsonObject };

export type Content =
  | ({ type: 'text'; text: string } & ContentFields)
  | ({ type: 'image'; data: string; mimeType: string } & ContentFields)
  | ({ type: 'audio'; data: string; mimeType: string } & ContentFields)
  | ({ type: 'resource_link'; uri: string; name: string; title?: string; description?: string; mimeType?: string; size?: number; icons?: Icon[] } & ContentFields)
  | ({ type: 'resource'; resource: ResourceContentsJson } & ContentFields);

/** A mistake in what a tool, resource or prompt definition returned or declared. */
export class AuthorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthorError';
  }
}

/** Runs a protocol decoder on authored JSON (its `where` names the place); a refusal becomes an AuthorError. */
export function decodeAuthored<T>(decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    if (err instanceof ProtocolError) throw new AuthorError(errorRecord(err.errorCode).message);
    throw err;
  }
}

export function contentBlocks(content: readonly Content[]): ContentBlock[] {
  if (!Array.isArray(content)) throw new AuthorError('content must be an array of content blocks');
  return decodeAuthored(() => content.map((block, i) => decodeContentBlock(block, `content[${i}]`)));
}

export function resourceContents(contents: ResourceContentsJson, where: string): ResourceContents {
  return decodeAuthored(() => decodeResourceContents(contents, where));
}

export function textBlock(text: string): ContentBlock {
  return { tag: 'text', val: { text: { tag: 'text', val: text } } };
}

/** `_meta` as the WIT's JSON text. */
export function metaText(meta: JsonObject | undefined): string | undefined {
  return meta === undefined ? undefined : JSON.stringify(meta);
}
