import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../src/index.js';
import { Rng } from './arbitrary.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('RFC 4648 vector %j <-> %j', (plain, encoded) => {
    expect(encodeBase64(bytes(plain))).toBe(encoded);
    expect(decodeBase64(encoded)).toEqual(bytes(plain));
  });

  it('uses + and / for 62 and 63', () => {
    expect(encodeBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/');
    expect(decodeBase64('+/+/')).toEqual(new Uint8Array([0xfb, 0xff, 0xbf]));
  });

  it('agrees with Node Buffer on random data, both ways, including large inputs', () => {
    const r = new Rng(7);
    for (let i = 0; i < 300; i++) {
      const data = Uint8Array.from({ length: r.int(0, i < 295 ? 64 : 50_000) }, () => r.int(0, 255));
      const reference = Buffer.from(data).toString('base64');
      expect(encodeBase64(data)).toBe(reference);
      const decoded = decodeBase64(reference);
      expect(decoded && Buffer.from(decoded).equals(data)).toBe(true);
    }
  });

  it('accepts missing padding', () => {
    expect(decodeBase64('Zg')).toEqual(bytes('f'));
    expect(decodeBase64('Zm8')).toEqual(bytes('fo'));
  });

  it.each(['Z', 'Zm9vY', 'Zg=', 'Zg===', '====', 'Zm9v\n', 'Zm 9v', 'Zm-v', 'Zm_v', 'Zh==', 'Zm9=', 'é', 'base64-encoded-data', '=Zg='])(
    'rejects %j',
    (text) => {
      expect(decodeBase64(text)).toBeUndefined();
    },
  );
});
