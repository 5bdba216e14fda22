// Bundles the runtime's entry points to dist/ (dependencies stay external), so the CLI and
// its worker threads run on plain Node.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts', 'src/cli.ts', 'src/http-worker.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
