import { toErrorCode, errorRecord } from '@wasmcp-ts/protocol';
import type { ServerMessage } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { InputStream, OutputStream } from '@wasmcp-ts/protocol/wit/wasi-io-streams.js';
import type { IoError, MessageFrame, ReadLimit } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-io.js';
import { IoFailure, ServerIo } from './server-io.js';

// One instance serves one composition; the read-ahead and JSON-response buffers are its state,
// as upstream keeps them per instance.
const io = new ServerIo();

/** Every failure leaves as the WIT io-error (componentize-js returns a thrown non-Error value as `err`). */
function guardIo<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof IoFailure) throw err.error;
    throw { tag: 'unexpected', val: errorRecord(toErrorCode(err)).message } satisfies IoError;
  }
}

export const serverIo = {
  parseMessage: (input: InputStream, limit: ReadLimit, frame: MessageFrame) => guardIo(() => io.parseMessage(input, limit, frame)),
  sendMessage: (output: OutputStream, message: ServerMessage, frame: MessageFrame) => guardIo(() => io.sendMessage(output, message, frame)),
  flushBuffer: (output: OutputStream) => guardIo(() => io.flushBuffer(output)),
};
