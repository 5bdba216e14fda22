// Bundles the runtime's entry points to dist/ (third-party dependencies stay external; the
// framework pieces' factories, which run host-side, are bundled from their TypeScript), so the
// CLI and its worker threads run on plain Node; copies the contract's WIT to dist/wit, which
// `wasmcp-ts build` compiles components against wherever this package is installed.
import { cp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SHIM = '@bytecodealliance/preview2-shim';
const isShim = (path) => path === SHIM || path.startsWith(`${SHIM}/`);

/**
 * Every bare import is external but our own packages', which point at TypeScript sources; with
 * `bundleShim`, preview2-shim too, with lazy-io-thread.ts in place of its synckit module, so
 * that its I/O thread starts when first called, not when it loads.
 */
const externalThirdParty = ({ bundleShim }) => ({
  name: 'external-third-party',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@wasmcp-ts/') || (bundleShim && isShim(args.path)) ? undefined : { path: args.path, external: true },
    );
    if (!bundleShim) return;
    build.onResolve({ filter: /\/synckit\/index\.js$/ }, (args) =>
      args.importer.includes(`${SHIM}/dist/io/`) ? { path: fileURLToPath(new URL('src/lazy-io-thread.ts', import.meta.url)) } : undefined,
    );
  },
});

const common = { outdir: 'dist', bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: true, logLevel: 'warning' };

// Chunk names change with their content: old ones must not stay beside the new. Chunks sit
// beside the entry points, since modules find their neighbours (workers, templates, WIT) by
// their own URL.
await rm('dist', { recursive: true, force: true });

// The CLI and the library, over the installed shim: a library user's own shim objects (a file
// stream, say) are then of the classes the components get.
await build({
  ...common,
  entryPoints: ['src/index.ts', 'src/cli.ts', 'src/session-sweeper.ts', 'src/transpile-worker.ts', 'src/keyvalue/redis-worker.ts'],
  plugins: [externalThirdParty({ bundleShim: false })],
  // Shared code in chunks, so that a command's own modules load when it runs.
  splitting: true,
});

// The serving workers, each one file with its own copy of the shim.
await build({
  ...common,
  entryPoints: ['src/http-worker.ts', 'src/stdio-worker.ts'],
  plugins: [externalThirdParty({ bundleShim: true })],
});

// The shim's I/O thread script, found beside the bundled shim (new URL(..., import.meta.url)).
const shimIo = join(dirname(createRequire(import.meta.url).resolve(`${SHIM}/io`)), '..', 'io');
await cp(join(shimIo, 'worker-thread.bundle.js'), 'dist/worker-thread.bundle.js');

await rm('dist/wit', { recursive: true, force: true });
for (const pkg of ['mcp', 'keyvalue', 'auth', 'deps']) await cp(`../../wit/${pkg}`, `dist/wit/${pkg}`, { recursive: true });
