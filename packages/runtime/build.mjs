// Bundles the runtime's entry points to dist/ (dependencies stay external), so the CLI and
// its worker threads run on plain Node; copies the contract's WIT to dist/wit, which
// `wasmcp-ts build` compiles components against wherever this package is installed.
import { cp, rm } from 'node:fs/promises';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts', 'src/cli.ts', 'src/http-worker.ts', 'src/stdio-worker.ts', 'src/session-sweeper.ts', 'src/transpile-worker.ts', 'src/keyvalue/redis-worker.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

await rm('dist/wit', { recursive: true, force: true });
for (const pkg of ['mcp', 'keyvalue', 'auth', 'deps']) await cp(`../../wit/${pkg}`, `dist/wit/${pkg}`, { recursive: true });
