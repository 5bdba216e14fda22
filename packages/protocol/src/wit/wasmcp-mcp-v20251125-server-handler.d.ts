/** @module Interface wasmcp:mcp-v20251125/server-handler@0.1.1 **/
export function handle(ctx: MessageContext, message: ClientMessage): Result<ServerResult, ErrorCode> | undefined;
export type OutputStream = import('./wasi-io-streams.js').OutputStream;
export type ErrorCode = import('./wasmcp-mcp-v20251125-mcp.js').ErrorCode;
export type ClientMessage = import('./wasmcp-mcp-v20251125-mcp.js').ClientMessage;
export type ServerResult = import('./wasmcp-mcp-v20251125-mcp.js').ServerResult;
export type Identity = import('./wasmcp-mcp-v20251125-mcp.js').Identity;
export type Session = import('./wasmcp-mcp-v20251125-mcp.js').Session;
export type MessageFrame = import('./wasmcp-mcp-v20251125-server-io.js').MessageFrame;
export type HttpContext = import('./wasmcp-mcp-v20251125-server-auth.js').HttpContext;
export interface MessageContext {
  clientStream?: OutputStream,
  protocolVersion: string,
  session?: Session,
  identity?: Identity,
  frame: MessageFrame,
  httpContext?: HttpContext,
}
export type Result<T, E> = { tag: 'ok', val: T } | { tag: 'err', val: E };
