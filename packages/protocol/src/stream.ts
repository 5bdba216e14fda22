// Draining the `text-stream` / `blob-stream` content variants, which exist so components can hand
// over large content without copying it through the chain; JSON needs the bytes inline.
import { concatBytes } from './bytes.js';
import { internalError, ProtocolError } from './errors.js';
import { isJsonObject } from './json.js';
import type { InputStream } from './wit/wasi-io-streams.js';

const CHUNK = 64n * 1024n;
/** Bound on one streamed content item, so a runaway stream cannot exhaust memory. */
export const MAX_STREAM_BYTES = 32 * 1024 * 1024;

/** A stream-error `closed` (end of stream): thrown as is by hosts, or as `payload` by guests. */
function isClosed(e: unknown): boolean {
  const err = isJsonObject(e) && Object.hasOwn(e, 'payload') ? e.payload : e;
  return isJsonObject(err) && err.tag === 'closed';
}

/** Reads a stream to its end. Throws ProtocolError(internal-error) on a failed read or overflow. */
export function drainStream(stream: InputStream, path: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: Uint8Array;
    try {
      chunk = stream.blockingRead(CHUNK);
    } catch (e) {
      if (isClosed(e)) break;
      throw new ProtocolError(internalError(`Reading ${path} failed`));
    }
    total += chunk.length;
    if (total > MAX_STREAM_BYTES) throw new ProtocolError(internalError(`${path} exceeds ${MAX_STREAM_BYTES} bytes`));
    chunks.push(chunk);
  }
  return concatBytes(chunks);
}

/** The output-stream call a writer makes. */
export interface ByteSink {
  blockingWriteAndFlush(contents: Uint8Array): void;
}

/** wasi:io allows at most 4096 bytes per blocking-write-and-flush. */
const WRITE_CHUNK = 4096;

/** Writes all of `bytes`; a stream error is thrown as the stream threw it. */
export function writeAll(output: ByteSink, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; offset += WRITE_CHUNK) {
    output.blockingWriteAndFlush(bytes.subarray(offset, offset + WRITE_CHUNK));
  }
}
