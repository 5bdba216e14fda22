// Newline framing of a byte stream. Lines come out whatever the chunk boundaries; a line
// longer than the limit is skipped to its newline without being held in memory; the bytes
// after the last newline are a final line (the peer closed its end without a newline).
import { concatBytes } from '@wasmcp-ts/protocol';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export type LineEvent =
  /** One line without its `\n` (nor a `\r` before it). */
  | { kind: 'line'; bytes: Uint8Array }
  /** A line of `size` bytes that exceeded the limit and was discarded. */
  | { kind: 'too-long'; size: number }
  | { kind: 'end' };

/** Reads the next chunk of input; `undefined` at the end of the stream. */
export type ReadChunk = () => Uint8Array | undefined;

export class LineReader {
  readonly #read: ReadChunk;
  readonly #maxLine: number;
  #chunk: Uint8Array = new Uint8Array(0);
  #offset = 0;
  #ended = false;
  /** The current line so far, as slices of the chunks it spans. */
  #parts: Uint8Array[] = [];
  #size = 0;
  #discarding = false;

  /** `maxLine`: the most bytes a line may have, not counting its newline. */
  constructor(read: ReadChunk, maxLine: number) {
    this.#read = read;
    this.#maxLine = maxLine;
  }

  next(): LineEvent {
    for (;;) {
      if (this.#offset >= this.#chunk.length) {
        if (this.#ended) return { kind: 'end' };
        const chunk = this.#read();
        if (chunk === undefined) {
          this.#ended = true;
          if (this.#size > 0) return this.#finishLine();
          continue;
        }
        this.#chunk = chunk;
        this.#offset = 0;
        continue;
      }
      const newline = this.#chunk.indexOf(NEWLINE, this.#offset);
      const end = newline < 0 ? this.#chunk.length : newline;
      this.#take(this.#chunk.subarray(this.#offset, end));
      this.#offset = newline < 0 ? end : newline + 1;
      if (newline >= 0) return this.#finishLine();
    }
  }

  #take(piece: Uint8Array): void {
    this.#size += piece.length;
    if (this.#discarding) return;
    if (this.#size > this.#maxLine) {
      this.#discarding = true;
      this.#parts = [];
      return;
    }
    if (piece.length > 0) this.#parts.push(piece);
  }

  #finishLine(): LineEvent {
    const size = this.#size;
    const event: LineEvent = this.#discarding ? { kind: 'too-long', size } : { kind: 'line', bytes: withoutCarriageReturn(concatBytes(this.#parts)) };
    this.#parts = [];
    this.#size = 0;
    this.#discarding = false;
    return event;
  }
}

function withoutCarriageReturn(line: Uint8Array): Uint8Array {
  return line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN ? line.subarray(0, line.length - 1) : line;
}
