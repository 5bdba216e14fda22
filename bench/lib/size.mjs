// Artifact sizes: every built component of packages/ and examples/ (and the test-tools fixture
// the chains below use), raw and gzipped, in both variants; and the totals of two chains.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './servers.mjs';

const VARIANTS = [
  { name: 'draft', suffix: '' },
  { name: 'draft2', suffix: '-d2' },
];

const CHAINS = {
  public: ['http-transport', 'tools-middleware', 'test-tools', 'method-not-found'],
  full: ['http-transport', 'authorization', 'sessions', 'tools-middleware', 'test-tools', 'method-not-found'],
};

function artifactFiles() {
  const dirs = ['packages', 'examples'].flatMap((group) => readdirSync(join(ROOT, group)).map((name) => join(ROOT, group, name)));
  dirs.push(join(ROOT, 'test/fixtures/test-tools'));
  return dirs.flatMap((dir) =>
    VARIANTS.flatMap((variant) => {
      const folder = join(dir, 'dist', variant.name);
      if (!existsSync(folder)) return [];
      return readdirSync(folder)
        .filter((f) => f.endsWith('.wasm'))
        .map((f) => ({ name: f.slice(0, -`${variant.suffix}.wasm`.length), variant: variant.name, file: join(folder, f) }));
    }),
  );
}

/** Raw and gzipped bytes of one file. */
export function fileSize(file) {
  const bytes = readFileSync(file);
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

export function measureSizes() {
  // A draft2 artifact without wasi:keyvalue is the draft's bytes: compress each content once.
  const gzipped = new Map();
  const artifacts = artifactFiles().map(({ name, variant, file }) => {
    const bytes = readFileSync(file);
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (!gzipped.has(digest)) gzipped.set(digest, gzipSync(bytes).length);
    return { name, variant, file: relative(ROOT, file), bytes: bytes.length, gzipBytes: gzipped.get(digest) };
  });
  const chains = Object.entries(CHAINS).flatMap(([chain, names]) =>
    VARIANTS.map(({ name: variant }) => {
      const parts = names.map((n) => artifacts.find((a) => a.name === n && a.variant === variant));
      if (parts.includes(undefined)) throw new Error(`a ${variant} artifact of the ${chain} chain (${names.join(', ')}) is not built: run npm run build`);
      return {
        chain,
        variant,
        components: names,
        bytes: parts.reduce((sum, a) => sum + a.bytes, 0),
        gzipBytes: parts.reduce((sum, a) => sum + a.gzipBytes, 0),
      };
    }),
  );
  return { artifacts, chains };
}
