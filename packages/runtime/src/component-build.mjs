// The one build pipeline of a TypeScript MCP component, shared by `wasmcp-ts build` (bundled
// into the CLI) and the monorepo's scripts/build.mjs (run as is by Node, before any package is
// built: that is why this module is plain JavaScript). It bundles the entry with esbuild and
// componentizes it with componentize-js 0.23 once per WASI variant:
//   OUT/draft/NAME.wasm      against wasi:keyvalue@0.2.0-draft  (wasmtime serve, wasmCloud)
//   OUT/draft2/NAME-d2.wasm  against wasi:keyvalue@0.2.0-draft2 (Spin)
// The world is the package's wit/world.wit when it has one, otherwise it is derived from the
// bundle: what the entry exports (tools, resources, prompts, completions, serverHandler) and
// which wasmcp:/wasi: modules it imports. A component that imports no wasi:keyvalue has the
// same world in both variants, so its draft2 artifact is the draft's bytes, copied.
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';

export const FEATURES = ['stdio', 'random', 'clocks', 'http', 'fetch-event'];
const VARIANTS = [
  { name: 'draft', suffix: '', keyvalue: '0.2.0-draft' },
  { name: 'draft2', suffix: '-d2', keyvalue: '0.2.0-draft2' },
];
/** The WIT packages of the contract, as folders of the WIT root. */
const WIT_PACKAGES = ['mcp', 'keyvalue', 'auth'];
const MCP = 'wasmcp:mcp-v20251125';
const MCP_VERSION = '0.1.1';
/** What a component may export, by the name componentize-js gives the interface's export. */
export const EXPORTED_INTERFACES = {
  tools: `${MCP}/tools@${MCP_VERSION}`,
  resources: `${MCP}/resources@${MCP_VERSION}`,
  prompts: `${MCP}/prompts@${MCP_VERSION}`,
  completions: `${MCP}/completions@${MCP_VERSION}`,
  serverHandler: `${MCP}/server-handler@${MCP_VERSION}`,
};

/**
 * The build settings of the package in `pkgDir`, from its package.json:
 * `{ "wasmcp": { "artifact", "entry", "features", "patchRandomGet" } }`.
 */
export async function readComponentConfig(pkgDir) {
  const pkg = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8'));
  const config = pkg.wasmcp ?? {};
  const name = pkg.name ?? basename(pkgDir);
  const features = config.features ?? [];
  const unknown = features.filter((f) => !FEATURES.includes(f));
  if (unknown.length) throw new Error(`${name}: unknown wasmcp.features ${unknown.join(', ')} (known: ${FEATURES.join(', ')})`);
  const worldFile = join(pkgDir, 'wit', 'world.wit');
  return {
    name,
    artifact: config.artifact ?? name.replace(/^@[^/]+\//, ''),
    entry: resolve(pkgDir, config.entry ?? join('src', 'component.ts')),
    worldFile: existsSync(worldFile) ? worldFile : undefined,
    features,
    patchRandomGet: config.patchRandomGet === true,
    server: config.server,
    framework: config.framework,
  };
}

/**
 * Builds both variants. `witRoot` holds the contract's WIT (mcp/, keyvalue/, auth/, deps/);
 * `postProcess` may rewrite each artifact's bytes. Returns the two artifact paths.
 */
export async function buildComponent({ entry, worldFile, artifact, features = [], witRoot, outDir, postProcess, log = console.log }) {
  if (!existsSync(entry)) throw new Error(`no entry file ${entry}`);
  const work = await freshWorkDir(outDir);
  const bundle = join(work, 'component.js');
  const bundled = await bundleEntry(entry, bundle);
  const worldText = worldFile ? await readFile(worldFile, 'utf8') : derivedWorld(artifact, bundled, entry);
  const outputs = await componentizeVariants({ bundle, worldText, source: worldFile ?? entry, artifact, features, witRoot, outDir, postProcess, log });
  await rm(work, { recursive: true, force: true });
  return outputs;
}

/** `OUT/.build`, emptied: where a build keeps its bundle and WIT folders. */
export async function freshWorkDir(outDir) {
  const work = join(outDir, '.build');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  return work;
}

/**
 * Componentizes one ESM bundle against `worldText` once per WASI variant; returns the two
 * artifact paths. `source` names what the world came from, for errors.
 */
export async function componentizeVariants({ bundle, worldText, source, artifact, features = [], witRoot, outDir, postProcess, log = console.log }) {
  const worldName = /^\s*world\s+([a-z0-9-]+)/m.exec(worldText)?.[1];
  if (!worldName) throw new Error(`${source}: no world declared`);
  const work = dirname(bundle);

  // componentize-js reads the WIT folder through preview2-shim, which preopens nothing by default.
  const { _setPreopens } = await import('@bytecodealliance/preview2-shim/filesystem');
  _setPreopens({ '/': '/' });
  const { componentize } = await import('@bytecodealliance/componentize-js');

  const outputs = [];
  let draft;
  for (const variant of VARIANTS) {
    const out = join(outDir, variant.name, `${artifact}${variant.suffix}.wasm`);
    outputs.push(out);
    await mkdir(dirname(out), { recursive: true });
    if (variant.name === 'draft2' && draft && !draft.imports.some(([iface]) => iface.startsWith('wasi:keyvalue/'))) {
      await writeFile(out, draft.component);
      log(`${artifact}${variant.suffix}: same world as draft (no wasi:keyvalue), copied`);
      continue;
    }
    const witDir = join(work, `wit-${variant.name}`);
    await assembleWit(witDir, witRoot, worldText.replaceAll('@0.2.0-draft;', `@${variant.keyvalue};`));
    const started = Date.now();
    const result = await componentize({
      sourcePath: await variantBundle(bundle, variant),
      witPath: witDir,
      worldName,
      disableFeatures: FEATURES.filter((f) => !features.includes(f)),
    });
    if (postProcess) result.component = postProcess(result.component);
    await writeFile(out, result.component);
    if (variant.name === 'draft') draft = result;
    log(`${artifact}${variant.suffix}: ${(result.component.length / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return outputs;
}

/** esbuild's settings for the one ESM module componentize-js compiles (metafile: its imports and exports). */
export const COMPONENT_BUNDLE = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  mainFields: ['module', 'main'],
  conditions: ['wasmcp-component', 'import'],
  // @cfworker/json-schema (the SDK's validator) reads `self.location` when it loads, which
  // the engine refuses outside a request: no `self` in a component.
  define: { self: 'undefined' },
  metafile: true,
};

/** Bundles the entry into one ESM file; returns esbuild's metadata of that file (exports, imports). */
async function bundleEntry(entry, outfile) {
  const { metafile } = await esbuild({ ...COMPONENT_BUNDLE, entryPoints: [entry], external: ['wasi:*', 'wasmcp:*'], outfile, logLevel: 'warning' });
  return Object.values(metafile.outputs)[0];
}

/** The world of a bundle: its interface exports, and every WIT interface it imports. */
export function derivedWorld(artifact, output, entry) {
  const unknown = output.exports.filter((name) => !(name in EXPORTED_INTERFACES));
  if (unknown.length) {
    throw new Error(`${entry} exports ${unknown.join(', ')}: a component exports only ${Object.keys(EXPORTED_INTERFACES).join(', ')}`);
  }
  if (output.exports.length === 0) throw new Error(`${entry} exports nothing: export tools, resources or prompts (e.g. export const tools = defineTools([...]))`);
  const imports = [...new Set(output.imports.filter((i) => i.external && /^(wasi|wasmcp):/.test(i.path)).map((i) => i.path))].sort();
  const name = witName(artifact);
  return [
    `package local:${name};`,
    '',
    `world ${name} {`,
    ...imports.map((i) => `    import ${i};`),
    ...output.exports.map((e) => `    export ${EXPORTED_INTERFACES[e]};`),
    '}',
    '',
  ].join('\n');
}

/** A WIT identifier (lower-case kebab words, each starting with a letter) from an artifact name. */
export function witName(artifact) {
  const words = artifact.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const name = words.map((w) => (/^[a-z]/.test(w) ? w : `x${w}`)).join('-');
  return name || 'component';
}

// componentize-js resolves import specifiers by their exact versioned name, so the draft2
// build imports `wasi:keyvalue/*@0.2.0-draft2` where the source says `@0.2.0-draft`.
async function variantBundle(bundle, variant) {
  if (variant.name === 'draft') return bundle;
  const text = await readFile(bundle, 'utf8');
  const rewritten = text.replace(/(["']wasi:keyvalue\/[a-z-]+@)0\.2\.0-draft(["'])/g, `$1${variant.keyvalue}$2`);
  if (rewritten === text) return bundle;
  const out = bundle.replace(/\.js$/, `.${variant.name}.js`);
  await writeFile(out, rewritten);
  return out;
}

// A world folder for componentize-js: the world plus every contract WIT package as a dep.
async function assembleWit(dir, witRoot, worldText) {
  await mkdir(join(dir, 'deps'), { recursive: true });
  await writeFile(join(dir, 'world.wit'), worldText);
  for (const pkg of WIT_PACKAGES) await cp(join(witRoot, pkg), join(dir, 'deps', pkg), { recursive: true });
  await cp(join(witRoot, 'deps'), join(dir, 'deps'), { recursive: true });
}
