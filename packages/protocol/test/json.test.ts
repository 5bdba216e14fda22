import { describe, expect, it } from 'vitest';
import { stringifyJson } from '../src/index.js';
import { parseExact, parseJson } from '../src/json.js';
import { randomJson, Rng } from './arbitrary.js';

describe('stringifyJson', () => {
  it('writes bigint as an exact number where JSON.stringify throws', () => {
    const value = { id: 2n ** 63n - 1n, neg: -(2n ** 63n), list: [1n, 0n] };
    expect(() => JSON.stringify(value)).toThrow();
    expect(stringifyJson(value)).toBe('{"id":9223372036854775807,"neg":-9223372036854775808,"list":[1,0]}');
  });

  it('matches JSON.stringify on random JSON values, on both paths', () => {
    const r = new Rng(11);
    for (let i = 0; i < 500; i++) {
      const v = randomJson(r, 4);
      expect(stringifyJson(v)).toBe(JSON.stringify(v));
      // A bigint anywhere sends the whole value down the exact path.
      expect(stringifyJson([v, 0n])).toBe(`[${JSON.stringify(v)},0]`);
    }
  });

  it('follows JSON.stringify for values JSON cannot hold, also when a bigint forces its own path', () => {
    const odd = { a: undefined, f: () => 1, s: Symbol('x'), n: NaN, i: -Infinity, z: -0, d: new Date(0), arr: [undefined, () => 1, Symbol('y'), new Date(1)] };
    expect(stringifyJson(odd)).toBe(JSON.stringify(odd));
    expect(stringifyJson({ ...odd, big: 1n })).toBe(`${JSON.stringify(odd).slice(0, -1)},"big":1}`);
    expect(stringifyJson(undefined)).toBe('null');
  });

  it('keeps an own __proto__ key and escapes lone surrogates', () => {
    const parsed = JSON.parse('{"__proto__":{"x":1},"s":"\\ud800"}');
    expect(stringifyJson(parsed)).toBe('{"__proto__":{"x":1},"s":"\\ud800"}');
  });

  it('writes a cycle as null instead of throwing', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    const list: unknown[] = [1];
    list.push(list);
    expect(stringifyJson(a)).toBe('{"x":1,"self":null}');
    expect(stringifyJson(list)).toBe('[1,null]');
    // The same object twice, not nested in itself, is not a cycle.
    const shared = { k: 1 };
    expect(stringifyJson([shared, shared])).toBe('[{"k":1},{"k":1}]');
  });

  it('handles nesting far deeper than the call stack allows', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = i % 2 ? [deep] : { d: deep };
    expect(stringifyJson(deep)).toBe(`${'[{"d":'.repeat(100_000)}0${'}]'.repeat(100_000)}`);
  });
});

function roundBigints(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(roundBigints);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundBigints(x)]));
  return v;
}

describe('parseJson', () => {
  it('keeps integers beyond 2^53 exact, as bigint; other numbers as JSON.parse reads them', () => {
    expect(parseJson('{"a":12345678901234567890,"b":-9223372036854775808,"c":9007199254740991,"d":1e400,"e":12345678901234567890.5,"f":-0}')).toEqual({
      ok: true,
      value: { a: 12345678901234567890n, b: -9223372036854775808n, c: 9007199254740991, d: Infinity, e: 12345678901234567000, f: -0 },
    });
    const text = '{"id":[123456789012345678901234567890,1]}';
    const parsed = parseJson(text);
    expect(parsed.ok && stringifyJson(parsed.value)).toBe(text);
  });

  it('reads like JSON.parse on the exact path, own __proto__ keys and duplicate keys included', () => {
    const r = new Rng(12);
    const texts = ['{"__proto__":{"x":1},"a":1,"a":2}', '"\\u00e9\\ud83d\\ude00"', ' [ 1 , { } , [ ] , "" ] ', 'true', 'null', '-0.5e-3'];
    for (let i = 0; i < 500; i++) texts.push(JSON.stringify(randomJson(r, 4)));
    for (const text of texts) {
      const parsed = parseExact(text);
      expect(parsed).toEqual(JSON.parse(text));
      expect(Object.keys(parsed ?? {})).toEqual(Object.keys(JSON.parse(text) ?? {}));
    }
  });

  it('rejects exactly what JSON.parse rejects', () => {
    const r = new Rng(13);
    const bad = ['', ' ', '{', '[1,]', '{"a":1,}', '01', '+1', '1.', '.5', '"\\x"', '"a\nb"', "'a'", 'nul', 'true false', '{"a" 1}', '[1 2]', '\u00a01', '"\\u12"', '{1:2}', '-', '1e', '[', '"'];
    for (let i = 0; i < 300; i++) {
      const t = JSON.stringify(randomJson(r, 3));
      const at = r.int(0, t.length);
      bad.push(t.slice(0, at) + r.pick(['', ',', '}', ']', '"', ':', 'x', '12345678901234567890']) + t.slice(at + 1));
    }
    for (const text of bad) {
      let native: unknown;
      let nativeOk = true;
      try {
        native = JSON.parse(text);
      } catch {
        nativeOk = false;
      }
      // Accepted text reads the same, but for the integers kept exact.
      if (nativeOk) expect(roundBigints(parseExact(text))).toEqual(native);
      else expect(() => parseExact(text)).toThrow(SyntaxError);
    }
  });

  it('parses deep nesting on the exact path too', () => {
    const depth = 100_000;
    const parsed = parseJson(`${'['.repeat(depth)}12345678901234567890${']'.repeat(depth)}`);
    expect(parsed.ok).toBe(true);
    let v = parsed.ok ? parsed.value : undefined;
    for (let d = 0; d < depth; d++) v = (v as unknown[])[0];
    expect(v).toBe(12345678901234567890n);
  });
});
