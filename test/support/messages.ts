// WIT-shaped client messages and a context, for tests that drive a composed chain directly.
import type { ClientMessage, ClientRequest, ServerResult } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import type { ServerHandlerExport } from '@wasmcp-ts/runtime';

export function context(): MessageContext {
  return { protocolVersion: '2025-11-25', frame: { prefix: new Uint8Array(), suffix: new Uint8Array() } };
}

let nextId = 1n;
export function request(req: ClientRequest): ClientMessage {
  return { tag: 'request', val: [{ tag: 'number', val: nextId++ }, req] };
}

export type HandleResult = { tag: 'ok'; val: ServerResult } | { tag: 'err'; val: { tag: string; val: { code: bigint; message: string; data?: string } } } | undefined;

export function send(handler: ServerHandlerExport, message: ClientMessage): HandleResult {
  return handler.handle(context(), message) as HandleResult;
}

/** The result of a request that must succeed, narrowed to its variant. */
type ResultValue<T extends ServerResult['tag']> = Extract<ServerResult, { tag: T }> extends { val: infer V } ? V : undefined;

export function ok<T extends ServerResult['tag']>(result: HandleResult, tag: T): ResultValue<T> {
  if (result?.tag !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
  if (result.val.tag !== tag) throw new Error(`expected ${tag}, got ${result.val.tag}`);
  return (result.val as { val?: unknown }).val as ResultValue<T>;
}

export function textOf(result: { content: { tag: string; val: unknown }[] }): string {
  const block = result.content[0];
  if (block?.tag !== 'text') throw new Error('first content block is not text');
  const text = (block.val as { text: { tag: string; val: unknown } }).text;
  return String(text.val);
}
