/** @module Interface wasmcp:mcp-v20251125/server-io@0.1.1 **/
export function parseMessage(input: InputStream, limit: ReadLimit, frame: MessageFrame): ClientMessage;
export function sendMessage(output: OutputStream, message: ServerMessage, frame: MessageFrame): void;
export function flushBuffer(output: OutputStream): void;
export type InputStream = import('./wasi-io-streams.js').InputStream;
export type OutputStream = import('./wasi-io-streams.js').OutputStream;
export type StreamError = import('./wasi-io-streams.js').StreamError;
export type ClientMessage = import('./wasmcp-mcp-v20251125-mcp.js').ClientMessage;
export type ServerMessage = import('./wasmcp-mcp-v20251125-mcp.js').ServerMessage;
export type IoError = IoErrorStream | IoErrorSerialization | IoErrorUnexpected | IoErrorInvalidJsonrpc | IoErrorInvalidMcp;
export interface IoErrorStream {
  tag: 'stream',
  val: StreamError,
}
export interface IoErrorSerialization {
  tag: 'serialization',
  val: string,
}
export interface IoErrorUnexpected {
  tag: 'unexpected',
  val: string,
}
export interface IoErrorInvalidJsonrpc {
  tag: 'invalid-jsonrpc',
  val: string,
}
export interface IoErrorInvalidMcp {
  tag: 'invalid-mcp',
  val: string,
}
export type ReadLimit = ReadLimitDelimiter | ReadLimitMaxBytes;
export interface ReadLimitDelimiter {
  tag: 'delimiter',
  val: Uint8Array,
}
export interface ReadLimitMaxBytes {
  tag: 'max-bytes',
  val: bigint,
}
export interface MessageFrame {
  prefix: Uint8Array,
  suffix: Uint8Array,
}
