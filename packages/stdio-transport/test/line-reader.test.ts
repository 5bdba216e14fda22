import { describe, expect, it } from 'vitest';
import { LineReader, type LineEvent } from '../src/line-reader.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A reader over the given chunks; counts how many were read. */
function readerOf(chunks: (string | Uint8Array)[], maxLine = 1024) {
  const queue = chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c));
  const stats = { reads: 0 };
  const reader = new LineReader(() => {
    stats.reads++;
    return queue.shift();
  }, maxLine);
  return { reader, stats };
}

function drain(reader: LineReader): (string | { tooLong: number })[] {
  const out: (string | { tooLong: number })[] = [];
  for (let event: LineEvent = reader.next(); event.kind !== 'end'; event = reader.next()) {
    out.push(event.kind === 'line' ? decoder.decode(event.bytes) : { tooLong: event.size });
  }
  return out;
}

describe('LineReader', () => {
  it('splits lines whatever the chunk boundaries', () => {
    const { reader } = readerOf(['{"a"', ':1}\n{"b":2}\n{', '"c"', ':3}\n']);
    expect(drain(reader)).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('reads one line per call, without reading ahead of it', () => {
    const { reader, stats } = readerOf(['one\ntwo\n', 'three\n']);
    expect(reader.next()).toMatchObject({ kind: 'line' });
    expect(reader.next()).toMatchObject({ kind: 'line' });
    expect(stats.reads).toBe(1);
  });

  it('drops the carriage return of a CRLF line, and only that', () => {
    const { reader } = readerOf(['a\r\nb\r', '\nc\rd\n']);
    expect(drain(reader)).toEqual(['a', 'b', 'c\rd']);
  });

  it('passes empty lines on (the connection decides what blank means)', () => {
    const { reader } = readerOf(['\n\r\nx\n']);
    expect(drain(reader)).toEqual(['', '', 'x']);
  });

  it('skips empty chunks', () => {
    const { reader } = readerOf(['', 'a', new Uint8Array(0), '\n']);
    expect(drain(reader)).toEqual(['a']);
  });

  it('accepts a line of exactly the limit and rejects one byte more', () => {
    const { reader } = readerOf([`${'x'.repeat(8)}\n${'y'.repeat(9)}\nok\n`], 8);
    expect(drain(reader)).toEqual(['x'.repeat(8), { tooLong: 9 }, 'ok']);
  });

  it('skips an over-long line spanning many chunks, reporting its full size, then goes on', () => {
    const chunks = ['{"start":', ...Array.from({ length: 50 }, () => 'z'.repeat(100)), '}\n{"next":1}\n'];
    const { reader } = readerOf(chunks, 64);
    expect(drain(reader)).toEqual([{ tooLong: 9 + 50 * 100 + 1 }, '{"next":1}']);
  });

  it('a final line without newline is still a line', () => {
    const { reader } = readerOf(['{"a":1}\n{"b"', ':2}']);
    expect(drain(reader)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('an over-long final line without newline is reported as too long', () => {
    const { reader } = readerOf(['ok\n', 'w'.repeat(20)], 10);
    expect(drain(reader)).toEqual(['ok', { tooLong: 20 }]);
  });

  it('keeps answering end once the input has ended, without reading again', () => {
    const { reader, stats } = readerOf([]);
    expect(reader.next()).toEqual({ kind: 'end' });
    expect(reader.next()).toEqual({ kind: 'end' });
    expect(stats.reads).toBe(1);
  });

  it('keeps multi-byte characters split across chunks intact', () => {
    const bytes = encoder.encode('"héllo ☃"\n');
    const { reader } = readerOf([bytes.subarray(0, 3), bytes.subarray(3, 10), bytes.subarray(10)]);
    expect(drain(reader)).toEqual(['"héllo ☃"']);
  });
});
