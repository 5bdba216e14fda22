#!/usr/bin/env node
// Runs the TypeScript publisher on plain Node: bundles main.ts (with the runtime's OCI client)
// into dist/, as the runtime itself is bundled, then runs it.
import { rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, 'dist', 'publish.mjs');
// Built beside and renamed: two publishers starting at once never load half a bundle.
const building = `${outfile}.${process.pid}.tmp`;
await build({
  entryPoints: [join(here, 'main.ts')],
  outfile: building,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
await rename(building, outfile);
await import(pathToFileURL(outfile).href);
