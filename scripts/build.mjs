#!/usr/bin/env node
// Builds the component of the package in the current directory (or argv[2]), in both WASI
// variants, with the pipeline `wasmcp-ts build` uses (packages/runtime/src/component-build.mjs)
// against the root wit/:
//   dist/draft/NAME.wasm      against wasi:keyvalue@0.2.0-draft  (wasmtime serve, wasmCloud)
//   dist/draft2/NAME-d2.wasm  against wasi:keyvalue@0.2.0-draft2 (Spin)
//
// package.json may carry { "wasmcp": { "artifact": "NAME", "features": ["http", ...] } }:
// `features` lists the StarlingMonkey features the component uses (stdio, random, clocks,
// http, fetch-event); the rest are disabled to keep unused WASI imports out of the artifact.
// `patchRandomGet: true` rewrites the engine's trapping preview1 random_get stub so its native
// crypto (RSA/EC key import) works in the artifact; it needs the `random` feature
// (see scripts/lib/patch-random-get.mjs).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildComponent, readComponentConfig } from '../packages/runtime/src/component-build.mjs';
import { patchRandomGet } from './lib/patch-random-get.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const pkgDir = resolve(process.argv[2] ?? process.cwd());
  const config = await readComponentConfig(pkgDir);
  const started = Date.now();
  await buildComponent({
    entry: config.entry,
    worldFile: config.worldFile,
    artifact: config.artifact,
    features: config.features,
    witRoot: join(root, 'wit'),
    outDir: join(pkgDir, 'dist'),
    postProcess: config.patchRandomGet ? patchRandomGet : undefined,
  });
  console.log(`${config.name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err?.stack ?? String(err));
  process.exit(1);
});
