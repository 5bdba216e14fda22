// server-io with upstream's semantics: parse-message reads one framed message (up to a
// delimiter, or the whole stream within a byte limit); send-message writes one message in the
// transport's frame, at once (SSE, stdio) or, for a plain JSON response (no frame), into a
// buffer that flush-buffer writes; notifications cannot ride a plain JSON response and are
// dropped, as are log messages below the client's level (an annotation the frame carries,
// which is not written).
import {
  concatBytes,
  toErrorCode,
  encodeServerMessageToString,
  errorRecord,
  frameLogLevel,
  framePrefixToWrite,
  isLogLevelEnabled,
  isUnframed,
  parseClientMessage,
  writeAll,
  type ByteSink,
} from '@wasmcp-ts/protocol';
import type { ClientMessage, ServerMessage } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { StreamError } from '@wasmcp-ts/protocol/wit/wasi-io-streams.js';
import type { IoError, MessageFrame, ReadLimit } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-io.js';

/** The input-stream calls parse-message makes; a read past the end throws stream-error `closed`. */
export interface ByteSource {
  blockingRead(len: bigint): Uint8Array;
}

/** Thrown out of these functions; the component returns it as the WIT `err`. */
export class IoFailure {
  constructor(readonly error: IoError) {}
}

const READ_CHUNK = 4096n;
/** Upstream's bound on one delimited message. */
export const MAX_DELIMITED_BYTES = 10 * 1024 * 1024;

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });

export class ServerIo {
  /** Bytes read past the last delimiter: the start of the next message (several lines may arrive in one read). */
  #pending: Uint8Array = new Uint8Array();
  /** A plain JSON response's bytes, until flush-buffer. */
  #buffered: Uint8Array[] = [];

  parseMessage(input: ByteSource, limit: ReadLimit, frame: MessageFrame): ClientMessage {
    let framed: Uint8Array;
    switch (limit.tag) {
      case 'delimiter':
        framed = this.#readDelimited(input, limit.val);
        break;
      case 'max-bytes':
        framed = readAll(input, limit.val);
        break;
      default: {
        const _exhaustive: never = limit;
        return _exhaustive;
      }
    }
    const json = unframe(framed, frame);
    let text: string;
    try {
      text = utf8.decode(json);
    } catch {
      throw new IoFailure({ tag: 'invalid-jsonrpc', val: 'the message is not valid UTF-8' });
    }
    const decoded = parseClientMessage(text);
    if (decoded.ok) return decoded.message;
    const { message } = errorRecord(decoded.error);
    const jsonRpcLevel = decoded.error.tag === 'parse-error' || decoded.error.tag === 'invalid-request';
    throw new IoFailure(jsonRpcLevel ? { tag: 'invalid-jsonrpc', val: message } : { tag: 'invalid-mcp', val: message });
  }

  sendMessage(output: ByteSink, message: ServerMessage, frame: MessageFrame): void {
    if (message.tag === 'notification') {
      if (isUnframed(frame)) return;
      const n = message.val;
      if (n.tag === 'log' && !isLogLevelEnabled(n.val.level, frameLogLevel(frame))) return;
    }
    const encoded = encodeServerMessageToString(message);
    if (!encoded.ok) throw new IoFailure({ tag: 'serialization', val: errorRecord(encoded.error).message });
    const json = encoder.encode(encoded.value);
    if (isUnframed(frame)) {
      this.#buffered.push(json);
      return;
    }
    write(output, concatBytes([framePrefixToWrite(frame), json, frame.suffix]));
  }

  flushBuffer(output: ByteSink): void {
    if (this.#buffered.length === 0) return;
    const bytes = concatBytes(this.#buffered);
    this.#buffered = [];
    write(output, bytes);
  }

  /** Up to and including the delimiter; a last message without one ends at the end of the stream. */
  #readDelimited(input: ByteSource, delimiter: Uint8Array): Uint8Array {
    if (delimiter.length === 0) throw new IoFailure({ tag: 'unexpected', val: 'the read delimiter is empty' });
    let buffer: Uint8Array = this.#pending;
    this.#pending = new Uint8Array();
    let searchFrom = 0;
    for (;;) {
      const at = indexOf(buffer, delimiter, searchFrom);
      if (at >= 0) {
        const end = at + delimiter.length;
        this.#pending = buffer.slice(end);
        return buffer.slice(0, end);
      }
      if (buffer.length > MAX_DELIMITED_BYTES) {
        throw new IoFailure({ tag: 'unexpected', val: `a message exceeds ${MAX_DELIMITED_BYTES} bytes` });
      }
      // A delimiter may straddle two reads: search again from just before the new bytes.
      searchFrom = Math.max(0, buffer.length - delimiter.length + 1);
      const chunk = read(input, READ_CHUNK);
      if (chunk === undefined) {
        if (buffer.length === 0) throw new IoFailure({ tag: 'unexpected', val: 'the stream ended before a message' });
        return buffer;
      }
      buffer = concatBytes([buffer, chunk]);
    }
  }
}

/** The whole stream, refused when longer than `max` bytes. */
function readAll(input: ByteSource, max: bigint): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0n;
  for (;;) {
    const chunk = read(input, READ_CHUNK);
    if (chunk === undefined) break;
    total += BigInt(chunk.length);
    if (total > max) throw new IoFailure({ tag: 'unexpected', val: `the message exceeds the limit of ${max} bytes` });
    chunks.push(chunk);
  }
  if (total === 0n) throw new IoFailure({ tag: 'unexpected', val: 'the stream ended before a message' });
  return concatBytes(chunks);
}

/** One read; `undefined` at the end of the stream. */
function read(input: ByteSource, len: bigint): Uint8Array | undefined {
  try {
    return input.blockingRead(len);
  } catch (err) {
    const error = streamError(err);
    if (error?.tag === 'closed') return undefined;
    throw new IoFailure(error ? { tag: 'stream', val: error } : { tag: 'unexpected', val: String(err) });
  }
}

function write(output: ByteSink, bytes: Uint8Array): void {
  try {
    writeAll(output, bytes);
  } catch (err) {
    const error = streamError(err);
    throw new IoFailure(error ? { tag: 'stream', val: error } : { tag: 'unexpected', val: String(err) });
  }
}

/** A wasi:io stream-error, thrown by an import as `{ payload }` (or bare, by a host). */
function streamError(err: unknown): StreamError | undefined {
  const value = (err as { payload?: unknown } | null)?.payload ?? err;
  const tag = (value as { tag?: unknown } | null)?.tag;
  return tag === 'closed' || tag === 'last-operation-failed' ? (value as StreamError) : undefined;
}

/** The JSON inside a frame: the prefix must lead; the suffix (or what is left of it) is dropped. */
function unframe(framed: Uint8Array, frame: MessageFrame): Uint8Array {
  const prefix = framePrefixToWrite(frame);
  let start = 0;
  if (prefix.length > 0) {
    if (indexOf(framed, prefix, 0) !== 0) throw new IoFailure({ tag: 'invalid-jsonrpc', val: 'the message does not start with the frame prefix' });
    start = prefix.length;
  }
  let end = framed.length;
  if (frame.suffix.length > 0 && end - start >= frame.suffix.length && indexOf(framed, frame.suffix, end - frame.suffix.length) === end - frame.suffix.length) {
    end -= frame.suffix.length;
  }
  return framed.subarray(start, end);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Every failure leaves as the WIT io-error (componentize-js returns a thrown non-Error value as `err`). */
function guardIo<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof IoFailure) throw err.error;
    throw { tag: 'unexpected', val: errorRecord(toErrorCode(err)).message } satisfies IoError;
  }
}

/**
 * The piece as a factory: it imports nothing and exports `server-io`. One instance serves one
 * composition; the read-ahead and JSON-response buffers are its state, as upstream keeps them
 * per instance.
 */
export function createServerIo() {
  const io = new ServerIo();
  return {
    serverIo: {
      parseMessage: (input: ByteSource, limit: ReadLimit, frame: MessageFrame) => guardIo(() => io.parseMessage(input, limit, frame)),
      sendMessage: (output: ByteSink, message: ServerMessage, frame: MessageFrame) => guardIo(() => io.sendMessage(output, message, frame)),
      flushBuffer: (output: ByteSink) => guardIo(() => io.flushBuffer(output)),
    },
  };
}
