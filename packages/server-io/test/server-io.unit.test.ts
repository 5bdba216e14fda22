// server-io's logic over fake streams.
import { frameWithLogLevel, SSE_FRAME, NO_FRAME, sseFrameWithLogLevel, type ByteSink } from '@wasmcp-ts/protocol';
import type { LogLevel, ServerMessage } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import { describe, expect, it } from 'vitest';
import { IoFailure, ServerIo, type ByteSource } from '../src/server-io.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const STDIO_FRAME = { prefix: new Uint8Array(), suffix: enc.encode('\n') };

/** A stream that delivers `chunks` one read at a time, then ends. */
function source(...chunks: string[]): ByteSource {
  const queue = chunks.map((c) => enc.encode(c));
  return {
    blockingRead: () => {
      const next = queue.shift();
      if (next === undefined) throw { payload: { tag: 'closed' } };
      return next;
    },
  };
}

function sink(): ByteSink & { text(): string; writes: number } {
  const parts: Uint8Array[] = [];
  return {
    writes: 0,
    blockingWriteAndFlush(bytes) {
      this.writes++;
      parts.push(bytes.slice());
    },
    text: () => parts.map((p) => dec.decode(p)).join(''),
  };
}

const ping = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' });
const log = (level: LogLevel): ServerMessage => ({ tag: 'notification', val: { tag: 'log', val: { level, data: JSON.stringify(level) } } });
const result: ServerMessage = { tag: 'result', val: [{ tag: 'number', val: 7n }, { tag: 'ping' }] };

function failure(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof IoFailure) return err.error;
    throw err;
  }
  throw new Error('expected an IoFailure');
}

describe('parse-message', () => {
  it('reads one line at a time, keeping what came after the delimiter for the next call', () => {
    const io = new ServerIo();
    const input = source(`${ping(1)}\n${ping(2)}\n${ping(3).slice(0, 10)}`, `${ping(3).slice(10)}\n`);
    const limit = { tag: 'delimiter' as const, val: enc.encode('\n') };
    const ids = [1, 2, 3].map(() => {
      const message = io.parseMessage(input, limit, STDIO_FRAME);
      return message.tag === 'request' ? message.val[0].val : undefined;
    });
    expect(ids).toEqual([1n, 2n, 3n]);
    expect(failure(() => io.parseMessage(input, limit, STDIO_FRAME))).toEqual({ tag: 'unexpected', val: 'the stream ended before a message' });
  });

  it('finds a two-byte delimiter split across reads and strips the SSE frame', () => {
    const io = new ServerIo();
    const message = io.parseMessage(source(`data: ${ping(4)}\n`, '\n'), { tag: 'delimiter', val: enc.encode('\n\n') }, SSE_FRAME);
    expect(message).toMatchObject({ tag: 'request', val: [{ tag: 'number', val: 4n }, { tag: 'ping' }] });
  });

  it('max-bytes reads the whole stream, and refuses more than the limit', () => {
    const body = ping(5);
    expect(new ServerIo().parseMessage(source(body.slice(0, 8), body.slice(8)), { tag: 'max-bytes', val: BigInt(body.length) }, NO_FRAME)).toMatchObject({
      tag: 'request',
    });
    expect(failure(() => new ServerIo().parseMessage(source(body), { tag: 'max-bytes', val: 10n }, NO_FRAME))).toEqual({
      tag: 'unexpected',
      val: 'the message exceeds the limit of 10 bytes',
    });
  });

  it('says what is wrong: a missing prefix, bad JSON, an unknown method', () => {
    const line = { tag: 'delimiter' as const, val: enc.encode('\n') };
    expect(failure(() => new ServerIo().parseMessage(source(`${ping(1)}\n\n`), line, SSE_FRAME))).toEqual({
      tag: 'invalid-jsonrpc',
      val: 'the message does not start with the frame prefix',
    });
    expect(failure(() => new ServerIo().parseMessage(source('{"jsonrpc":\n'), line, STDIO_FRAME))).toMatchObject({ tag: 'invalid-jsonrpc' });
    expect(failure(() => new ServerIo().parseMessage(source('{"jsonrpc":"2.0","id":1,"method":"nope"}\n'), line, STDIO_FRAME))).toEqual({
      tag: 'invalid-mcp',
      val: 'Method not found: nope',
    });
  });
});

describe('send-message and flush-buffer', () => {
  it('writes a message in its frame at once', () => {
    const out = sink();
    new ServerIo().sendMessage(out, result, SSE_FRAME);
    expect(out.text()).toBe('data: {"jsonrpc":"2.0","id":7,"result":{}}\n\n');
  });

  it('writes a long message in chunks of at most 4096 bytes', () => {
    const out = sink();
    const data = JSON.stringify('x'.repeat(10_000));
    new ServerIo().sendMessage(out, { tag: 'notification', val: { tag: 'log', val: { level: 'info', data } } }, STDIO_FRAME);
    expect(out.writes).toBe(3);
    expect(JSON.parse(out.text()).params.data).toHaveLength(10_000);
  });

  it('without a frame (plain JSON response) drops notifications and buffers the rest until flush-buffer', () => {
    const io = new ServerIo();
    const out = sink();
    io.sendMessage(out, log('error'), NO_FRAME);
    io.sendMessage(out, result, NO_FRAME);
    expect(out.writes).toBe(0);
    io.flushBuffer(out);
    expect(out.text()).toBe('{"jsonrpc":"2.0","id":7,"result":{}}');
    io.flushBuffer(out);
    expect(out.writes).toBe(1);
  });

  it('drops log messages below the level the frame carries', () => {
    const out = sink();
    const io = new ServerIo();
    for (const level of ['debug', 'info', 'warning', 'error'] as const) io.sendMessage(out, log(level), sseFrameWithLogLevel('warning'));
    const levels = out
      .text()
      .split('\n\n')
      .filter(Boolean)
      .map((event) => {
        expect(event.startsWith('data: ')).toBe(true);
        return JSON.parse(event.split('data: ')[1]).params.level;
      });
    expect(levels).toEqual(['warning', 'error']);
  });

  it('over stdio too: the level annotation filters, and only the JSON lines are written', () => {
    const out = sink();
    const io = new ServerIo();
    for (const level of ['info', 'error'] as const) io.sendMessage(out, log(level), frameWithLogLevel(STDIO_FRAME, 'warning'));
    const lines = out.text().split('\n').filter(Boolean);
    expect(lines.map((line) => JSON.parse(line).params.level)).toEqual(['error']);
  });

  it('a closed stream is the stream error', () => {
    const closed: ByteSink = {
      blockingWriteAndFlush: () => {
        throw { payload: { tag: 'closed' } };
      },
    };
    expect(failure(() => new ServerIo().sendMessage(closed, result, SSE_FRAME))).toEqual({ tag: 'stream', val: { tag: 'closed' } });
  });
});
