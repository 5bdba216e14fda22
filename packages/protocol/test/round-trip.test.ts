// Property tests: random WIT messages of every kind survive WIT -> JSON -> WIT unchanged, both
// as JSON values (full s64/u64 range, bigint kept) and through JSON text (safe integers).
import { describe, expect, it } from 'vitest';
import {
  decodeClientMessage,
  decodeServerMessage,
  encodeClientMessage,
  encodeClientMessageToString,
  encodeServerMessage,
  encodeServerMessageToString,
  parseClientMessage,
  parseServerMessage,
} from '../src/index.js';
import type { ClientMessage, ClientResult, RequestId, ServerMessage, ServerResult } from '../src/wit/wasmcp-mcp-v20251125-mcp.js';
import { Rng, WitArbitrary } from './arbitrary.js';

const RUNS = 400;

function clientHint(message: ClientMessage): ((id: RequestId) => ClientResult['tag']) | undefined {
  return message.tag === 'result' ? () => message.val[1].tag : undefined;
}

function serverHint(message: ServerMessage): ((id: RequestId) => ServerResult['tag']) | undefined {
  return message.tag === 'result' ? () => message.val[1].tag : undefined;
}

/** Which variant cases the runs covered, so a generator bug cannot silently skip a kind. */
function coverage(): Map<string, number> {
  return new Map();
}

function caseOf(message: ClientMessage | ServerMessage): string {
  switch (message.tag) {
    case 'request':
    case 'result':
      return `${message.tag}:${message.val[1].tag}`;
    case 'notification':
      return `notification:${message.val.tag}`;
    case 'error':
      return `error:${message.val[1].tag}`;
    default: {
      const _exhaustive: never = message;
      return _exhaustive;
    }
  }
}

describe('client messages round-trip', () => {
  it('as JSON values, with the full integer ranges', () => {
    const gen = new WitArbitrary(new Rng(1), { safeIntegers: false });
    const seen = coverage();
    for (let i = 0; i < RUNS; i++) {
      const message = gen.clientMessage();
      seen.set(caseOf(message), (seen.get(caseOf(message)) ?? 0) + 1);
      const encoded = encodeClientMessage(message);
      if (!encoded.ok) throw new Error(`encode failed: ${encoded.error.val.message}`);
      const decoded = decodeClientMessage(encoded.value, clientHint(message));
      if (!decoded.ok) throw new Error(`decode failed: ${decoded.error.val.message}`);
      expect(decoded.message).toEqual(message);
    }
    // 13 requests + 3 results + 4 notifications + 8 error cases
    expect(seen.size).toBe(28);
  });

  it('through JSON text', () => {
    const gen = new WitArbitrary(new Rng(2), { safeIntegers: true });
    for (let i = 0; i < RUNS; i++) {
      const message = gen.clientMessage();
      const text = encodeClientMessageToString(message);
      if (!text.ok) throw new Error(`encode failed: ${text.error.val.message}`);
      const decoded = parseClientMessage(text.value, clientHint(message));
      if (!decoded.ok) throw new Error(`decode failed: ${decoded.error.val.message}`);
      expect(decoded.message).toEqual(message);
    }
  });
});

describe('server messages round-trip', () => {
  it('as JSON values, with the full integer ranges', () => {
    const gen = new WitArbitrary(new Rng(3), { safeIntegers: false });
    const seen = coverage();
    for (let i = 0; i < RUNS; i++) {
      const message = gen.serverMessage();
      seen.set(caseOf(message), (seen.get(caseOf(message)) ?? 0) + 1);
      const encoded = encodeServerMessage(message);
      if (!encoded.ok) throw new Error(`encode failed: ${encoded.error.val.message}`);
      const decoded = decodeServerMessage(encoded.value, serverHint(message));
      if (!decoded.ok) throw new Error(`decode failed: ${decoded.error.val.message}`);
      expect(decoded.message).toEqual(message);
    }
    // 4 requests + 11 results + 8 notifications + 8 error cases
    expect(seen.size).toBe(31);
  });

  it('through JSON text', () => {
    const gen = new WitArbitrary(new Rng(4), { safeIntegers: true });
    for (let i = 0; i < RUNS; i++) {
      const message = gen.serverMessage();
      const text = encodeServerMessageToString(message);
      if (!text.ok) throw new Error(`encode failed: ${text.error.val.message}`);
      const decoded = parseServerMessage(text.value, serverHint(message));
      if (!decoded.ok) throw new Error(`decode failed: ${decoded.error.val.message}`);
      expect(decoded.message).toEqual(message);
    }
  });
});
