// `wasmcp-ts build`: one module exporting tools/resources/prompts (see @wasmcp-ts/sdk) ->
// a component in both WASI variants, with the pipeline the monorepo builds its own components
// with (component-build.mjs) and the contract's WIT shipped in this package (dist/wit, copied
// from the repository's wit/ when the runtime is built).
import { existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildComponent, readComponentConfig, type ComponentConfig } from './component-build.mjs';
import { buildServer, declaredServers } from './fused-build.mjs';

export const BUILD_USAGE = `Usage: wasmcp-ts build [options] [entry]

Builds a WebAssembly component from one TypeScript or JavaScript module that exports
tools, resources or prompts (export const tools = defineTools([...]), see @wasmcp-ts/sdk):
  OUT/draft/NAME.wasm       for wasi:keyvalue@0.2.0-draft hosts (wasmtime serve, wasmCloud)
  OUT/draft2/NAME-d2.wasm   for wasi:keyvalue@0.2.0-draft2 hosts (Spin)
Settings come from ./package.json, { "wasmcp": { "artifact", "entry", "features" } };
entry defaults to src/component.ts, NAME to the package name.

With --server (or a "server" object in package.json's "wasmcp"), the modules are built into
ONE complete server with the framework pieces in the same engine, which runs as it is under
wasmtime serve, spin up, wasmcp-ts serve (http) or wasmcp-ts stdio (stdio):
  OUT/draft/NAME-server.wasm and OUT/draft2/NAME-server-d2.wasm
The modules are the entries given (in chain order), else package.json's "server.modules",
else the project's entry.

Options:
  --name NAME          the artifact name
  --out DIR            where the artifacts go (default dist)
  --server             build the complete server (only it)
  --transport T        http (default) or stdio
  --sessions           hold the sessions piece (default for http; the server then imports
                       wasi:keyvalue); --no-sessions leaves it out
  --auth MODE          public (default) or oauth (bearer JWTs checked inside the server)
  -h, --help           this text
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
      server: { type: 'boolean', default: false },
      transport: { type: 'string' },
      sessions: { type: 'boolean' },
      'no-sessions': { type: 'boolean' },
      auth: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(BUILD_USAGE);
    return;
  }
  if (!existsSync(WIT_ROOT)) throw new Error(`this wasmcp-ts has no WIT at ${WIT_ROOT}: rebuild the runtime package`);
  const serverFlags = values.transport !== undefined || values.sessions !== undefined || values['no-sessions'] !== undefined || values.auth !== undefined;
  if (serverFlags && !values.server) throw new Error('--transport, --sessions and --auth go with --server');
  if (!values.server && positionals.length > 1) throw new Error('give at most one entry module (several modules make a server: add --server)');
  const config = await projectConfig(process.cwd(), positionals[0]);
  const artifact = values.name ?? config.artifact;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(artifact)) throw new Error(`the artifact name ${JSON.stringify(artifact)} is not a file name`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = Date.now();
  const outDir = resolve(values.out);
  const entry = existsSync(config.entry) ? config.entry : undefined;
  // A --server build makes only the server (its flags over package.json's first server);
  // package.json's servers come with the component.
  if (values.server) {
    const flags: Record<string, unknown> = {};
    if (values.transport !== undefined) flags.transport = values.transport;
    if (values.auth !== undefined) flags.auth = values.auth;
    if (values.sessions || values['no-sessions']) flags.sessions = values.sessions === true && !values['no-sessions'];
    if (positionals.length) flags.modules = positionals.map((p) => resolve(p));
    const declared = [config.server ?? {}].flat()[0] as Record<string, unknown>;
    const [{ settings }] = declaredServers({ ...declared, ...flags, artifact: undefined }, { name: artifact, entry, baseDir: process.cwd() });
    const [draft, draft2] = await buildServer({ artifact: `${artifact}-server`, settings, witRoot: WIT_ROOT, outDir, log });
    process.stderr.write(`wasmcp-ts: built ${draft} and ${draft2} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return;
  }
  for (const server of config.server ? declaredServers(config.server, { name: artifact, entry, baseDir: process.cwd() }) : []) {
    await buildServer({ ...server, witRoot: WIT_ROOT, outDir, log });
  }
  const [draft, draft2] = await buildComponent({
    entry: config.entry,
    worldFile: config.worldFile,
    artifact,
    features: config.features,
    witRoot: WIT_ROOT,
    outDir,
    log,
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
  return { name: basename(entry), artifact: basename(entry, extname(entry)), entry: resolve(entry), worldFile: undefined, features: [], patchRandomGet: false, server: undefined, framework: undefined };
}
