#!/usr/bin/env node
// Builds the component of the package in the current directory, in both WASI variants:
//   dist/draft/NAME.wasm      against wasi:keyvalue@0.2.0-draft  (wasmtime serve, wasmCloud)
//   dist/draft2/NAME-d2.wasm  against wasi:keyvalue@0.2.0-draft2 (Spin)
// The package's wit/world.wit names the draft; the draft2 build rewrites that version only.
// A component whose draft build imports no wasi:keyvalue has identical inputs in both variants,
// so its draft2 artifact is the same bytes and is copied rather than built twice.
//
// package.json may carry { "wasmcp": { "artifact": "NAME", "features": ["http", ...] } }:
// `features` lists the StarlingMonkey features the component uses (stdio, random, clocks,
// http, fetch-event); the rest are disabled to keep unused WASI imports out of the artifact.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALL_FEATURES = ['stdio', 'random', 'clocks', 'http', 'fetch-event'];
const VARIANTS = [
  { name: 'draft', suffix: '', keyvalue: '0.2.0-draft' },
  { name: 'draft2', suffix: '-d2', keyvalue: '0.2.0-draft2' },
];

async function main() {
  const pkgDir = resolve(process.argv[2] ?? process.cwd());
  const pkg = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8'));
  const config = pkg.wasmcp ?? {};
  const artifact = config.artifact ?? basename(pkgDir);
  const features = config.features ?? [];
  const unknown = features.filter((f) => !ALL_FEATURES.includes(f));
  if (unknown.length) throw new Error(`${pkg.name}: unknown wasmcp.features ${unknown.join(', ')}`);

  const worldText = await readFile(join(pkgDir, 'wit', 'world.wit'), 'utf8');
  const worldName = /^\s*world\s+([a-z0-9-]+)/m.exec(worldText)?.[1];
  if (!worldName) throw new Error(`${pkg.name}: wit/world.wit declares no world`);

  const dist = join(pkgDir, 'dist');
  const work = join(dist, '.build');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });

  const started = Date.now();
  const bundle = join(work, 'component.js');
  await esbuild({
    entryPoints: [join(pkgDir, 'src', 'component.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['wasmcp-component', 'import'],
    external: ['wasi:*', 'wasmcp:*'],
    outfile: bundle,
    logLevel: 'warning',
  });

  // componentize-js reads the WIT folder through preview2-shim, which preopens nothing by default.
  const { _setPreopens } = await import('@bytecodealliance/preview2-shim/filesystem');
  _setPreopens({ '/': '/' });
  const { componentize } = await import('@bytecodealliance/componentize-js');

  let draftBytes;
  for (const variant of VARIANTS) {
    const out = join(dist, variant.name, `${artifact}${variant.suffix}.wasm`);
    await mkdir(dirname(out), { recursive: true });
    if (variant.name === 'draft2' && draftBytes && !importsKeyvalue(draftBytes.imports)) {
      await writeFile(out, draftBytes.component);
      console.log(`${artifact}${variant.suffix}: same world as draft (no wasi:keyvalue), copied`);
      continue;
    }
    const witDir = join(work, `wit-${variant.name}`);
    await assembleWit(witDir, worldText.replaceAll('@0.2.0-draft;', `@${variant.keyvalue};`));
    const t = Date.now();
    const result = await componentize({
      sourcePath: bundle,
      witPath: witDir,
      worldName,
      disableFeatures: ALL_FEATURES.filter((f) => !features.includes(f)),
    });
    await writeFile(out, result.component);
    if (variant.name === 'draft') draftBytes = result;
    console.log(`${artifact}${variant.suffix}: ${(result.component.length / 1e6).toFixed(1)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  await rm(work, { recursive: true, force: true });
  console.log(`${pkg.name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function importsKeyvalue(imports) {
  return imports.some(([iface]) => iface.startsWith('wasi:keyvalue/'));
}

// A world folder for componentize-js: the package's world plus every root WIT package as a dep.
async function assembleWit(dir, worldText) {
  await mkdir(join(dir, 'deps'), { recursive: true });
  await writeFile(join(dir, 'world.wit'), worldText);
  for (const pkg of ['mcp', 'keyvalue', 'auth']) await cp(join(root, 'wit', pkg), join(dir, 'deps', pkg), { recursive: true });
  await cp(join(root, 'wit', 'deps'), join(dir, 'deps'), { recursive: true });
}

main().catch((err) => {
  console.error(err?.stack ?? String(err));
  process.exit(1);
});
