// Reading and writing WASI streams from a guest: a failed call throws an object whose
// `payload` is the stream-error (`closed` at the end of the stream).
import type { InputStream, OutputStream } from '@wasmcp-ts/protocol/wit/wasi-io-streams.js';

const READ_SIZE = 64n * 1024n;
/** blocking-write-and-flush accepts at most 4096 bytes per call. */
const MAX_WRITE = 4096;

function streamErrorTag(err: unknown): string | undefined {
  const payload = (err as { payload?: { tag?: unknown } } | null)?.payload;
  return typeof payload?.tag === 'string' ? payload.tag : undefined;
}

/** The next chunk of the stream, or `undefined` once it is closed. */
export function readChunk(stream: InputStream, name: string): Uint8Array | undefined {
  try {
    return stream.blockingRead(READ_SIZE);
  } catch (err) {
    if (streamErrorTag(err) === 'closed') return undefined;
    throw new Error(`reading ${name} failed (${streamErrorTag(err) ?? String(err)})`);
  }
}

export function writeAll(stream: OutputStream, bytes: Uint8Array, name: string): void {
  try {
    for (let offset = 0; offset < bytes.length; offset += MAX_WRITE) {
      stream.blockingWriteAndFlush(bytes.subarray(offset, offset + MAX_WRITE));
    }
  } catch (err) {
    throw new Error(`writing ${name} failed (${streamErrorTag(err) ?? String(err)})`);
  }
}
