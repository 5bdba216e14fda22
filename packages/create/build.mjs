// Bundles src/main.ts (with the runtime's `new` command) to dist/, and copies the runtime's
// templates to templates/, where that command looks for them beside dist/.
import { cp, rm } from 'node:fs/promises';
import { build } from 'esbuild';

await build({ entryPoints: ['src/main.ts'], outdir: 'dist', bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
await rm('templates', { recursive: true, force: true });
await cp('../runtime/templates', 'templates', { recursive: true });
