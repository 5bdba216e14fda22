// Our WIT must be wire-compatible with the published wasmcp contract: every interface and
// world of the three packages, with the same names, types and field order.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWitShapes, type PackageShape } from './wit-shape.js';

const root = join(__dirname, '..', '..');
const upstream = JSON.parse(readFileSync(join(__dirname, 'upstream-shape.json'), 'utf8')).packages as Record<string, PackageShape>;
const ourFiles = ['mcp', 'keyvalue', 'auth'].flatMap((dir) =>
  readdirSync(join(root, 'wit', dir))
    .filter((f) => f.endsWith('.wit'))
    .map((f) => readFileSync(join(root, 'wit', dir, f), 'utf8')),
);
const ours = parseWitShapes(ourFiles);

describe('WIT compatibility with wasmcp', () => {
  it('declares exactly the upstream packages', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(upstream).sort());
  });

  for (const [pkg, shape] of Object.entries(upstream)) {
    it(`${pkg}: same interfaces and worlds`, () => {
      expect(Object.keys(ours[pkg]?.interfaces ?? {}).sort()).toEqual(Object.keys(shape.interfaces).sort());
      expect(Object.keys(ours[pkg]?.worlds ?? {}).sort()).toEqual(Object.keys(shape.worlds).sort());
    });
    for (const [name, items] of Object.entries(shape.interfaces)) {
      it(`${pkg} interface ${name} matches upstream`, () => {
        expect(ours[pkg]?.interfaces[name]).toEqual(items);
      });
    }
    for (const [name, items] of Object.entries(shape.worlds)) {
      it(`${pkg} world ${name} matches upstream`, () => {
        expect(ours[pkg]?.worlds[name]).toEqual(items);
      });
    }
  }

  it('the normalizer sees a changed field', () => {
    const changed = ourFiles.map((f) => f.replace('progress-token: option<progress-token>', 'progress-token: option<string>'));
    expect(parseWitShapes(changed)['wasmcp:mcp-v20251125@0.1.1'].interfaces.mcp).not.toEqual(upstream['wasmcp:mcp-v20251125@0.1.1'].interfaces.mcp);
  });
});
