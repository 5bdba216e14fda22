// `wasmcp-ts compose server|handler <components...> -o FILE`: one component file from the
// given components and the framework's pieces, for wasmtime serve, Spin or wasmCloud.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';
import { credentialsFromEnv } from './oci/credentials.js';
import { loadRegistryConfig } from './oci/registry-config.js';
import { resolveComponentFile } from './oci/resolve.js';
import { expandComponents, profileOutput } from './registry/expand.js';
import { checkedReplacements } from './piece-fit.js';
import { readComponent } from './wasm-compose/component-types.js';
import { composeFile } from './wasm-compose/compose-file.js';

export const COMPOSE_USAGE = `Usage: wasmcp-ts compose server [options] <component>...
       wasmcp-ts compose handler [options] <component>...

server:  one runnable component,  transport -> <components...> -> method-not-found,  with the
         framework's services (server-io, sessions, authorization) its members import; it
         imports WASI only and exports wasi:http/incoming-handler (or wasi:cli/run for stdio).
handler: the chain alone, exporting server-handler, to be composed into a server later; the
         last component's downstream and the services stay imports.

A component exporting tools, resources, prompts or completions is wrapped in that capability's
middleware; the order on the command line is the order of the chain. A component is a .wasm
file, oci://REGISTRY/REPOSITORY:TAG, namespace:name@version, an alias of the config or a
profile (its components, its base profile's first; see registry --help).

Options:
  -o, --output FILE    where to write it (default: the output of the last profile given, else
                       mcp-server.wasm, or handler.wasm)
  --force              overwrite an existing output file
  --runtime R          spin (default: wasi:keyvalue@0.2.0-draft2 pieces), wasmtime or wasmcloud
                       (wasi:keyvalue@0.2.0-draft); also --spin, --wasmtime, --wasmcloud
  --transport T        http (default) or stdio, or a FILE: a transport of your own in place of
                       http-transport or stdio-transport (which one, from what it exports)
  --terminal FILE      the end of the chain in place of method-not-found
  --replace NAME=FILE  any other framework piece (repeatable); a swapped-in component must fit
                       the world of the piece it replaces, else it is refused, saying why
  --framework F        pieces (default): transport and services as separate components; fused:
                       framework-http/-stdio in front; oci://REGISTRY/PATH: the pieces pulled
                       from a registry, at this runtime's version
  --config FILE        registry config (default ~/.config/wasmcp-ts/config.toml)
`;

const RUNTIME_VARIANTS: Record<string, KeyValueVariant> = { spin: 'draft2', wasmtime: 'draft', wasmcloud: 'draft' };

export class ComposeUsageError extends Error {}

/** Which transport a transport file is, by what it exports: an HTTP handler or a command. */
async function transportKind(file: string): Promise<'http' | 'stdio'> {
  const exported = readComponent(await readFile(file)).exports.map((e) => e.name.split('@')[0]);
  if (exported.includes('wasi:http/incoming-handler')) return 'http';
  if (exported.includes('wasi:cli/run')) return 'stdio';
  throw new ComposeUsageError(`--transport ${file} is not a transport: it exports neither wasi:http/incoming-handler nor wasi:cli/run`);
}

export async function composeCommand(args: string[], out: (text: string) => void): Promise<void> {
  const [kind, ...rest] = args;
  if (kind === undefined || kind === '-h' || kind === '--help') return out(COMPOSE_USAGE);
  if (kind !== 'server' && kind !== 'handler') throw new ComposeUsageError(`compose takes server or handler, got ${kind}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      runtime: { type: 'string' },
      spin: { type: 'boolean', default: false },
      wasmtime: { type: 'boolean', default: false },
      wasmcloud: { type: 'boolean', default: false },
      transport: { type: 'string', default: 'http' },
      terminal: { type: 'string' },
      replace: { type: 'string', multiple: true },
      framework: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return out(COMPOSE_USAGE);
  if (positionals.length === 0) throw new ComposeUsageError('give at least one component to compose');

  const runtimes = [values.runtime, values.spin && 'spin', values.wasmtime && 'wasmtime', values.wasmcloud && 'wasmcloud'].filter(
    (r): r is string => typeof r === 'string',
  );
  if (runtimes.length > 1) throw new ComposeUsageError(`give one runtime, got ${runtimes.join(' and ')}`);
  const runtime = runtimes[0] ?? 'spin';
  const variant = RUNTIME_VARIANTS[runtime];
  if (!variant) throw new ComposeUsageError(`--runtime must be spin, wasmtime or wasmcloud, got ${runtime}`);
  const frameworkValue = values.framework;
  if (frameworkValue !== undefined && frameworkValue !== 'pieces' && frameworkValue !== 'fused' && !frameworkValue.startsWith('oci://')) {
    throw new ComposeUsageError(`--framework must be pieces, fused or oci://REGISTRY/PATH, got ${frameworkValue}`);
  }

  const config = await loadRegistryConfig(values.config);
  // With no -o, a profile's saved output (the last profile given), as upstream's CLI does.
  const saved = positionals.map((spec) => profileOutput(config, spec)).filter((o): o is string => o !== undefined).pop();
  const output = resolve(values.output ?? saved ?? (kind === 'server' ? 'mcp-server.wasm' : 'handler.wasm'));
  if (existsSync(output) && !values.force) throw new Error(`${output} exists; give --force to overwrite it`);

  const resolveFile = (spec: string) => resolveComponentFile(spec, { config, credentials: credentialsFromEnv() });
  const specs = expandComponents(positionals, config);
  const components = await Promise.all(specs.map(async (spec) => ({ file: await resolveFile(spec), label: spec })));
  const frameworkSource = frameworkValue?.startsWith('oci://') ? frameworkValue : undefined;
  // --transport http|stdio picks the framework's transport; any other value is a transport file.
  const transportFile = values.transport === 'http' || values.transport === 'stdio' ? undefined : await resolveFile(values.transport);
  const transport = transportFile ? await transportKind(transportFile) : (values.transport as 'http' | 'stdio');
  if (transportFile && frameworkValue === 'fused') {
    throw new ComposeUsageError(`--transport ${values.transport} replaces ${transport}-transport; with --framework fused the transport is inside framework-${transport}`);
  }
  const replace = await checkedReplacements({ transport: transportFile, terminal: values.terminal, replace: values.replace }, `${transport}-transport`, variant, {
    source: frameworkSource,
    locate: resolveFile,
  });
  const composed = await composeFile({
    kind,
    components,
    variant,
    transport,
    framework: frameworkValue === 'fused' ? 'fused' : 'pieces',
    frameworkSource,
    replace,
  });

  // Written beside the target and renamed, so a failed write never leaves half a file.
  const temporary = join(dirname(output), `.${basename(output)}.${process.pid}.tmp`);
  try {
    await mkdir(dirname(output), { recursive: true });
    await writeFile(temporary, composed.bytes);
    await rename(temporary, output);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
  const mib = (composed.bytes.length / 2 ** 20).toFixed(1);
  out(
    `wasmcp-ts: wrote ${output} (${mib} MiB, ${runtime}: wasi:keyvalue@0.2.0-${variant})\n` +
      `  chain: ${composed.chain.join(' -> ')}\n` +
      `  members: ${composed.members.join(', ')}\n` +
      `  imports: ${composed.imports.join(', ') || 'none'}\n` +
      `  exports: ${composed.exports.join(', ')}\n`,
  );
}
