// Bundles the runtime's entry points to dist/ (third-party dependencies stay external; the
// framework pieces' factories, which run host-side, are bundled from their TypeScript), so the
// CLI and its worker threads run on plain Node; copies the contract's WIT to dist/wit, which
// `wasmcp-ts build` compiles components against wherever this package is installed.
import { cp, rm } from 'node:fs/promises';
import { build } from 'esbuild';

/** Every bare import is external but our own packages', which point at TypeScript sources. */
const externalThirdParty = {
  name: 'external-third-party',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@wasmcp-ts/') ? undefined : { path: args.path, external: true }));
  },
};

// Chunk names change with their content: old ones must not stay beside the new. Chunks sit
// beside the entry points, since modules find their neighbours (workers, templates, WIT) by
// their own URL.
await rm('dist', { recursive: true, force: true });

await build({
  entryPoints: ['src/index.ts', 'src/cli.ts', 'src/http-worker.ts', 'src/stdio-worker.ts', 'src/session-sweeper.ts', 'src/transpile-worker.ts', 'src/keyvalue/redis-worker.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [externalThirdParty],
  // Shared code in chunks, so that a command's own modules load when it runs.
  splitting: true,
  sourcemap: true,
  logLevel: 'warning',
});

await rm('dist/wit', { recursive: true, force: true });
for (const pkg of ['mcp', 'keyvalue', 'auth', 'deps']) await cp(`../../wit/${pkg}`, `dist/wit/${pkg}`, { recursive: true });
