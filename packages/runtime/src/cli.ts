#!/usr/bin/env node
// The wasmcp-ts command line: compose MCP server components and run them.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCommand } from './build-command.js';
import type { KeyValueSpec } from './keyvalue/factory.js';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';
import { credentialsFromEnv } from './oci/credentials.js';
import { loadRegistryConfig } from './oci/registry-config.js';
import { newCommand } from './new-command.js';
import { resolveComponentFile } from './oci/resolve.js';
import { createKeyValueBackend } from './keyvalue/factory.js';
import { serveComponents } from './serve.js';
import { runStdio } from './stdio.js';

const USAGE = `Usage: wasmcp-ts serve [options] <component>...
       wasmcp-ts build [options] [entry]   build a component from a module (build --help)
       wasmcp-ts new NAME                  create a tools project (new --help)
       wasmcp-ts stdio [options] <component>...

Composes  http-transport -> <components...> -> method-not-found  (a component exporting
tools/resources/prompts/completions is wrapped in its middleware) and serves it.
A component is a .wasm file, oci://REGISTRY/REPOSITORY:TAG, namespace:name@version (the
namespace maps to a registry in the config) or an alias of the config; registry artifacts
are pulled, verified and cached by digest (credentials: OCI_USERNAME + OCI_PASSWORD, or OCI_TOKEN).

Options:
  --host HOST          address to listen on (default 127.0.0.1)
  --port PORT          port to listen on (default 8080; 0 picks a free one)
  --path PATH          the MCP endpoint (default /mcp)
  --variant V          draft (wasi:keyvalue@0.2.0-draft) or draft2 (default draft)
  --workers N          worker threads, each with its own instances (default 4)
  --kv KIND            key-value backend: sqlite (default), redis or memory (one process,
                       one worker only)
  --kv-path FILE       the sqlite file (default .wasmcp/kv.sqlite)
  --redis-url URL      the redis server (redis://127.0.0.1:6379)
  --no-sessions        do not hand out Mcp-Session-Id (sessions are on by default)
  --env KEY=VALUE      environment for the components (repeatable); WASMCP_* and JWT_*
                       variables of this process are passed on as well
  --framework F        pieces (default): the transport, sessions and authorization as
                       separate components; fused: the three in one engine (framework-http);
                       oci://REGISTRY/PATH: the pieces pulled from a registry (as NAME or
                       NAME-d2, tagged with this runtime's version) instead of the installed ones
A complete server (wasmcp-ts build --server) is served as it is: give it alone.
  --config FILE        registry config (default ~/.config/wasmcp-ts/config.toml)
  -h, --help           this text

stdio runs  stdio-transport -> <components...> -> method-not-found  on this process's
stdin/stdout (newline-delimited JSON-RPC) until stdin ends; it takes --variant, --kv,
--kv-path, --redis-url (default memory), --env, --framework and --config.
`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function fail(message: string): never {
  process.stderr.write(`wasmcp-ts: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function componentEnv(pairs: string[], defaults: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { ...defaults };
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && /^(WASMCP_|JWT_)/.test(key)) env[key] = value;
  }
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) fail(`--env takes KEY=VALUE, got ${JSON.stringify(pair)}`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

/** --framework: how the framework is built (pieces or fused), or the registry its pieces come from. */
function frameworkChoice(value: string | undefined): { framework?: string; frameworkBuild?: 'pieces' | 'fused' } {
  if (value === undefined || value === 'pieces' || value === 'fused') return { frameworkBuild: value };
  if (!value.startsWith('oci://')) fail(`--framework must be pieces, fused or oci://REGISTRY/PATH, got ${value}`);
  return { framework: value };
}

function keyValueSpec(kind: string, path: string, redisUrl: string | undefined): KeyValueSpec {
  switch (kind) {
    case 'memory':
      return { kind };
    case 'sqlite':
      mkdirSync(dirname(resolve(path)), { recursive: true });
      return { kind, path: resolve(path) };
    case 'redis':
      if (!redisUrl) fail('--kv redis needs --redis-url redis://HOST:PORT');
      return { kind, url: redisUrl };
    default:
      fail(`--kv must be sqlite, redis or memory, got ${kind}`);
  }
}

async function serveCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      path: { type: 'string', default: '/mcp' },
      variant: { type: 'string', default: 'draft' },
      workers: { type: 'string', default: '4' },
      kv: { type: 'string', default: 'sqlite' },
      'kv-path': { type: 'string', default: '.wasmcp/kv.sqlite' },
      'redis-url': { type: 'string' },
      'no-sessions': { type: 'boolean', default: false },
      env: { type: 'string', multiple: true, default: [] },
      framework: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length === 0) fail('give at least one component to serve');
  if (values.variant !== 'draft' && values.variant !== 'draft2') fail(`--variant must be draft or draft2, got ${values.variant}`);
  const variant = values.variant as KeyValueVariant;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got ${values.port}`);
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) fail(`--workers must be a positive integer, got ${values.workers}`);
  const keyValue = keyValueSpec(values.kv, values['kv-path'], values['redis-url']);
  const sessions = !values['no-sessions'];
  if (!values.path.startsWith('/')) fail(`--path must start with /, got ${values.path}`);

  const env = componentEnv(values.env, {
    WASMCP_MCP_PATH: values.path,
    WASMCP_SESSION_ENABLED: String(sessions),
    // Behind a non-loopback address the Host header is the operator's own business.
    WASMCP_VALIDATE_HOST: String(LOOPBACK.has(values.host)),
  });
  const started = Date.now();
  const config = await loadRegistryConfig(values.config);
  const components = await Promise.all(positionals.map((spec) => resolveComponentFile(spec, { config, credentials: credentialsFromEnv() })));
  const { framework, frameworkBuild } = frameworkChoice(values.framework ?? config.framework);
  const server = await serveComponents({ components, variant, env, keyValue, host: values.host, port, workers, framework, frameworkBuild });
  process.stderr.write(`wasmcp-ts: MCP server on ${server.url}${values.path} (${variant}, first worker ready in ${Date.now() - started} ms)\n`);
  void server.allWorkersReady.then(() => process.stderr.write(`wasmcp-ts: all ${workers} workers ready in ${Date.now() - started} ms\n`));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('wasmcp-ts: stopping\n');
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Everything stdio writes to stdout must be MCP: usage and errors go to stderr.
async function stdioCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      variant: { type: 'string', default: 'draft' },
      kv: { type: 'string', default: 'memory' },
      'kv-path': { type: 'string', default: '.wasmcp/kv.sqlite' },
      'redis-url': { type: 'string' },
      env: { type: 'string', multiple: true, default: [] },
      framework: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(USAGE);
    return;
  }
  if (positionals.length === 0) fail('give at least one component to run');
  if (values.variant !== 'draft' && values.variant !== 'draft2') fail(`--variant must be draft or draft2, got ${values.variant}`);
  const config = await loadRegistryConfig(values.config);
  const components = await Promise.all(positionals.map((spec) => resolveComponentFile(spec, { config, credentials: credentialsFromEnv() })));
  const keyValue = createKeyValueBackend(keyValueSpec(values.kv, values['kv-path'], values['redis-url']));
  const status = await runStdio({
    components,
    variant: values.variant as KeyValueVariant,
    env: componentEnv(values.env, {}),
    keyValue,
    ...frameworkChoice(values.framework ?? config.framework),
  });
  keyValue.close();
  process.exit(status);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serveCommand(rest);
    case 'build':
      return buildCommand(rest);
    case 'new':
      return newCommand(rest);
    case 'stdio':
      return stdioCommand(rest);
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(USAGE);
      return;
    default:
      fail(`unknown command ${command}`);
  }
}

main(process.argv.slice(2)).catch((err: Error) => {
  process.stderr.write(`wasmcp-ts: ${err.message}\n`);
  process.exit(1);
});
