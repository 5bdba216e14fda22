// Garbage in: no exported function that takes outside input may throw, every failure must be a
// well-formed error-code, and whatever decodes must encode and decode again to the same value.
import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeClientMessage,
  decodeServerMessage,
  encodeClientMessage,
  encodeServerMessage,
  encodeServerMessageToString,
  errorCodeFromJson,
  errorCodeToJson,
  parseClientMessage,
  parseServerMessage,
  protocolVersionFromString,
  requestIdFromJson,
  stringifyJson,
  toErrorCode,
  type Decoded,
} from '../src/index.js';
import type { ClientMessage, ServerMessage } from '../src/wit/wasmcp-mcp-v20251125-mcp.js';
import { randomGarbage, randomJson, randomString, Rng, WitArbitrary } from './arbitrary.js';
import { CLIENT_EXAMPLES, SERVER_EXAMPLES } from './spec-examples.js';

const RUNS = 400;
const ERROR_TAGS = ['parse-error', 'invalid-request', 'method-not-found', 'invalid-params', 'internal-error', 'server', 'json-rpc', 'mcp'];

function checkFailure(d: Extract<Decoded<unknown>, { ok: false }>): void {
  expect(ERROR_TAGS).toContain(d.error.tag);
  expect(typeof d.error.val.code).toBe('bigint');
  expect(typeof d.error.val.message).toBe('string');
  expect(typeof d.ignorable).toBe('boolean');
  // The error goes out as JSON-RPC without trouble.
  expect(typeof errorCodeToJson(d.error).code).toBe('number');
}

/** A decoded message re-encodes, and decodes to itself again (the normal form is stable). */
function checkClient(d: Decoded<ClientMessage>): void {
  if (!d.ok) return checkFailure(d);
  const encoded = encodeClientMessage(d.message);
  if (!encoded.ok) throw new Error(`decoded message failed to encode: ${encoded.error.val.message}`);
  const tag = d.message.tag === 'result' ? d.message.val[1].tag : undefined;
  const again = decodeClientMessage(encoded.value, tag && (() => tag));
  expect(again.ok && again.message).toEqual(d.message);
}

function checkServer(d: Decoded<ServerMessage>): void {
  if (!d.ok) return checkFailure(d);
  const encoded = encodeServerMessage(d.message);
  if (!encoded.ok) throw new Error(`decoded message failed to encode: ${encoded.error.val.message}`);
  const tag = d.message.tag === 'result' ? d.message.val[1].tag : undefined;
  const again = decodeServerMessage(encoded.value, tag && (() => tag));
  expect(again.ok && again.message).toEqual(d.message);
}

/** Replaces one random node of a JSON tree with garbage. */
function mutate(r: Rng, value: unknown): unknown {
  if (r.bool(0.25) || value === null || typeof value !== 'object') return r.bool() ? randomGarbage(r) : randomJson(r);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0 || r.bool(0.1)) {
    (copy as Record<string, unknown>)[r.pick(['params', 'id', 'x', '_meta', 'content', 'type'])] = randomGarbage(r);
    return copy;
  }
  const key = r.pick(keys);
  if (r.bool(0.1)) delete (copy as Record<string, unknown>)[key];
  else (copy as Record<string, unknown>)[key] = mutate(r, (copy as Record<string, unknown>)[key]);
  return copy;
}

function mutateText(r: Rng, text: string): string {
  const at = r.int(0, text.length);
  switch (r.int(0, 3)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + r.pick(['"', '{', '}', '[', ']', ',', ':', '\\', 'null', '1e999', '-', '\u2028', '\ud800']) + text.slice(at);
    default:
      return text.slice(0, at) + text.slice(at).replace(/"[a-zA-Z_]+"/, `"${randomString(r)}"`);
  }
}

const clientSeeds = (r: Rng): unknown[] => {
  const gen = new WitArbitrary(r, { safeIntegers: true });
  const seeds: unknown[] = CLIENT_EXAMPLES.map((e) => e.json);
  for (let i = 0; i < 50; i++) {
    const e = encodeClientMessage(gen.clientMessage());
    if (e.ok) seeds.push(e.value);
  }
  return seeds;
};

const serverSeeds = (r: Rng): unknown[] => {
  const gen = new WitArbitrary(r, { safeIntegers: true });
  const seeds: unknown[] = SERVER_EXAMPLES.map((e) => e.json);
  for (let i = 0; i < 50; i++) {
    const e = encodeServerMessage(gen.serverMessage());
    if (e.ok) seeds.push(e.value);
  }
  return seeds;
};

describe('fuzzing the decoders', () => {
  it('random strings', () => {
    const r = new Rng(21);
    for (let i = 0; i < RUNS; i++) {
      const text = r.bool() ? randomString(r, 40) : stringifyJson(randomJson(r, 4));
      checkClient(parseClientMessage(text));
      checkServer(parseServerMessage(text));
    }
  });

  it('already-parsed garbage values', () => {
    const r = new Rng(22);
    for (let i = 0; i < RUNS; i++) {
      const v = randomGarbage(r, 4);
      checkClient(decodeClientMessage(v));
      checkServer(decodeServerMessage(v));
      checkClient(parseClientMessage(v as string));
    }
  });

  it('valid messages with one part replaced by garbage', () => {
    const r = new Rng(23);
    const client = clientSeeds(r);
    const server = serverSeeds(r);
    let decodedSome = 0;
    for (let i = 0; i < RUNS * 2; i++) {
      const c = decodeClientMessage(mutate(r, r.pick(client)));
      checkClient(c);
      const s = decodeServerMessage(mutate(r, r.pick(server)));
      checkServer(s);
      if (c.ok) decodedSome++;
    }
    // The mutations must leave some messages valid, or the idempotence checks test nothing.
    expect(decodedSome).toBeGreaterThan(50);
  });

  it('valid message texts with characters cut, added or renamed', () => {
    const r = new Rng(24);
    const client = clientSeeds(r).map((v) => stringifyJson(v));
    const server = serverSeeds(r).map((v) => stringifyJson(v));
    for (let i = 0; i < RUNS * 2; i++) {
      checkClient(parseClientMessage(mutateText(r, r.pick(client))));
      checkServer(parseServerMessage(mutateText(r, r.pick(server))));
    }
  });

  it('arguments nested far deeper than the call stack', () => {
    const depth = 100_000;
    const text = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"t","arguments":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}}`;
    const d = parseClientMessage(text);
    expect(d.ok).toBe(true);
    if (d.ok && d.message.tag === 'request' && d.message.val[1].tag === 'tools-call') {
      expect(d.message.val[1].val.arguments?.length).toBe(2 * depth + 6);
    }
  });

  it('the small readers', () => {
    const r = new Rng(25);
    for (let i = 0; i < RUNS; i++) {
      const v = randomGarbage(r, 3);
      const ec = errorCodeFromJson(v);
      if (ec !== undefined) expect(ERROR_TAGS).toContain(ec.tag);
      const id = requestIdFromJson(v);
      if (id !== undefined) expect(['string', 'number']).toContain(id.tag);
      expect(typeof stringifyJson(v)).toBe('string');
      expect(ERROR_TAGS).toContain(toErrorCode(v).tag);
      const s = randomString(r, 12);
      const bytes = decodeBase64(s);
      if (bytes !== undefined) expect(bytes).toBeInstanceOf(Uint8Array);
      expect(protocolVersionFromString(s)).toBeUndefined();
      expect(decodeBase64(v as string) === undefined || typeof v === 'string').toBe(true);
    }
  });
});

describe('fuzzing the encoders', () => {
  it('WIT values with text that is not JSON in JSON fields: ok with valid JSON text, or internal-error', () => {
    const gen = new WitArbitrary(new Rng(26), { safeIntegers: false, garbageJsonText: true });
    let failed = 0;
    for (let i = 0; i < RUNS; i++) {
      const encoded = encodeServerMessageToString(gen.serverMessage());
      if (encoded.ok) {
        expect(() => JSON.parse(encoded.value)).not.toThrow();
      } else {
        failed++;
        expect(encoded.error.tag).toBe('internal-error');
      }
      const client = encodeClientMessage(gen.clientMessage());
      if (!client.ok) expect(client.error.tag).toBe('internal-error');
    }
    expect(failed).toBeGreaterThan(0);
  });
});
