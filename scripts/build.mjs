#!/usr/bin/env node
// Builds what the package in the current directory (or argv[2]) declares, in both WASI
// variants, with the pipelines `wasmcp-ts build` uses (packages/runtime/src/component-build.mjs
// and fused-build.mjs) against the root wit/:
//   dist/draft/NAME.wasm      against wasi:keyvalue@0.2.0-draft  (wasmtime serve, wasmCloud)
//   dist/draft2/NAME-d2.wasm  against wasi:keyvalue@0.2.0-draft2 (Spin)
//
// package.json may carry { "wasmcp": { ... } }:
//   "artifact", "entry", "features": the component of src/component.ts (or "entry");
//     `features` lists the StarlingMonkey features it uses (stdio, random, clocks, http,
//     fetch-event); the rest are disabled to keep unused WASI imports out of the artifact.
//   "patchRandomGet": true rewrites the engine's trapping preview1 random_get stub so its native
//     crypto (RSA/EC key import) works in the artifact; it needs the `random` feature
//     (see packages/runtime/src/patch-random-get.mjs).
//   "server": { "modules", "transport", "sessions", "auth", "artifact" } (or a list of them):
//     also a fused complete server, NAME-server by default (see fused-build.mjs); a package
//     with a server and no entry file builds only it.
//   "framework": ["http", "stdio"]: the fused framework artifacts framework-TRANSPORT.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildComponent } from '../packages/runtime/src/component-build.mjs';
import { buildFramework, buildServer, plannedArtifacts } from '../packages/runtime/src/fused-build.mjs';
import { patchRandomGet } from '../packages/runtime/src/patch-random-get.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const witRoot = join(root, 'wit');

async function main() {
  const pkgDir = resolve(process.argv[2] ?? process.cwd());
  const { config, frameworks, component, servers } = await plannedArtifacts(pkgDir);
  const outDir = join(pkgDir, 'dist');
  const started = Date.now();
  for (const { artifact, transport } of frameworks) await buildFramework({ artifact, transport, witRoot, outDir });
  if (component) {
    await buildComponent({
      entry: config.entry,
      worldFile: config.worldFile,
      artifact: component,
      features: config.features,
      witRoot,
      outDir,
      postProcess: config.patchRandomGet ? patchRandomGet : undefined,
    });
  }
  for (const { artifact, settings } of servers) await buildServer({ artifact, settings, witRoot, outDir });
  console.log(`${config.name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err?.stack ?? String(err));
  process.exit(1);
});
