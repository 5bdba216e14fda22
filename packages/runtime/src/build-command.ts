// `wasmcp-ts build`: one module exporting tools/resources/prompts (see @wasmcp-ts/sdk) ->
// a component in both WASI variants, with the pipeline the monorepo builds its own components
// with (component-build.mjs) and the contract's WIT shipped in this package (dist/wit, copied
// from the repository's wit/ when the runtime is built).
import { existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildComponent, readComponentConfig, type ComponentConfig } from './component-build.mjs';

export const BUILD_USAGE = `Usage: wasmcp-ts build [options] [entry]

Builds a WebAssembly component from one TypeScript or JavaScript module that exports
tools, resources or prompts (export const tools = defineTools([...]), see @wasmcp-ts/sdk):
  OUT/draft/NAME.wasm       for wasi:keyvalue@0.2.0-draft hosts (wasmtime serve, wasmCloud)
  OUT/draft2/NAME-d2.wasm   for wasi:keyvalue@0.2.0-draft2 hosts (Spin)
Settings come from ./package.json, { "wasmcp": { "artifact", "entry", "features" } };
entry defaults to src/component.ts, NAME to the package name.

Options:
  --name NAME   the artifact name
  --out DIR     where the artifacts go (default dist)
  -h, --help    this text
`;

/** The contract's WIT folder (mcp/, keyvalue/, auth/, deps/): beside the bundled CLI in dist/. */
const WIT_ROOT = fileURLToPath(new URL('./wit/', import.meta.url));

export async function buildCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      out: { type: 'string', default: 'dist' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(BUILD_USAGE);
    return;
  }
  if (positionals.length > 1) throw new Error('give at most one entry module');
  if (!existsSync(WIT_ROOT)) throw new Error(`this wasmcp-ts has no WIT at ${WIT_ROOT}: rebuild the runtime package`);
  const config = await projectConfig(process.cwd(), positionals[0]);
  const artifact = values.name ?? config.artifact;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(artifact)) throw new Error(`the artifact name ${JSON.stringify(artifact)} is not a file name`);
  const started = Date.now();
  const [draft, draft2] = await buildComponent({
    entry: config.entry,
    worldFile: config.worldFile,
    artifact,
    features: config.features,
    witRoot: WIT_ROOT,
    outDir: resolve(values.out),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(`wasmcp-ts: built ${draft} and ${draft2} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** The project's settings; an entry given on the command line wins over package.json's. */
async function projectConfig(dir: string, entry: string | undefined): Promise<ComponentConfig> {
  if (existsSync(join(dir, 'package.json'))) {
    const config = await readComponentConfig(dir);
    return entry ? { ...config, entry: resolve(entry) } : config;
  }
  if (!entry) throw new Error('no package.json here: give the entry module to build');
  return { name: basename(entry), artifact: basename(entry, extname(entry)), entry: resolve(entry), worldFile: undefined, features: [], patchRandomGet: false };
}
