#!/usr/bin/env node
// The wasmcp-ts command line: compose MCP server components and run them.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { KeyValueSpec } from './keyvalue/factory.js';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';
import { credentialsFromEnv } from './oci/credentials.js';
import { loadRegistryConfig } from './oci/registry-config.js';
import type { FrameworkBuild, Replacements } from './framework.js';
import { checkedReplacements } from './piece-fit.js';
import { resolveComponentFile } from './oci/resolve.js';
import { expandComponents } from './registry/expand.js';
import { DEFAULT_LIMITS, serveComponents, type ServeLimits } from './serve.js';
import { runStdio } from './stdio.js';

const USAGE = `Usage: wasmcp-ts serve [options] <component>...
       wasmcp-ts build [options] [entry]   build a component from a module (build --help)
       wasmcp-ts new NAME                  create a tools or middleware project (new --help)
       wasmcp-ts stdio [options] <component>...
       wasmcp-ts compose server|handler [options] <component>...   one .wasm (compose --help)
       wasmcp-ts registry ...              component aliases and profiles (registry --help)

Composes  http-transport -> <components...> -> method-not-found  (a component exporting
tools/resources/prompts/completions is wrapped in its middleware) and serves it.
A component is a .wasm file, oci://REGISTRY/REPOSITORY:TAG, namespace:name@version (the
namespace maps to a registry in the config), an alias of the config or a profile of the
config (its components, its base profile's first; see registry --help); registry artifacts
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
  --framework F        fused (default): the transport, sessions and authorization in one
                       engine (framework-http), and the capability middleware, server-io and
                       method-not-found run in Node: no engine but your components'; pieces:
                       every piece a separate component (the default with --transport or a
                       --replace of sessions or authorization); oci://REGISTRY/PATH: the
                       pieces pulled from a registry (as NAME or NAME-d2, tagged with this
                       runtime's version) instead of the installed ones
A complete server (wasmcp-ts build --server) is served as it is: give it alone.
  --transport FILE     a transport of your own in place of http-transport (stdio-transport
                       for stdio)
  --terminal FILE      the end of the chain in place of method-not-found
  --replace NAME=FILE  any other framework piece (server-io, sessions, authorization,
                       tools-middleware, ...; repeatable). A swapped-in component must fit the
                       world of the piece it replaces (export what it exports, import no wasmcp
                       interface it does not), else it is refused, saying why
  --config FILE        registry config (default ~/.config/wasmcp-ts/config.toml)
  -h, --help           this text

Limits (a request past one gets a JSON-RPC error; its worker is torn down and replaced):
  --request-timeout S  seconds a request may run (default 60; env WASMCP_REQUEST_TIMEOUT);
                       GET streams have none
  --max-result-bytes N largest response of one request (default 33554432, 32 MiB; env
                       WASMCP_MAX_RESULT)
  --max-engine-memory MIB  linear memory one engine may grow to (default 512); past it
                       allocations fail, and a worker left holding more is replaced
  --queue-timeout S    seconds a request waits for a free worker before 503 (default 10)
  --max-client-requests N  requests in flight per session or bearer token (default 16;
                       over it, 429)
GET /healthz answers 200 with the pool's state while a worker serves, else 503.

stdio runs  stdio-transport -> <components...> -> method-not-found  on this process's
stdin/stdout (newline-delimited JSON-RPC) until stdin ends; it takes --variant, --kv,
--kv-path, --redis-url (default memory), --env, --framework, --transport, --terminal,
--replace, --config and --request-timeout (a runaway request is answered with an error and
the next line is read).
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
function frameworkChoice(value: string | undefined): { framework?: string; frameworkBuild?: FrameworkBuild } {
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

/** A positive number from a flag, else from the environment, else the default. */
function positive(flag: string, value: string | undefined, envName: string | undefined, fallback: number): number {
  const text = value ?? (envName ? process.env[envName] : undefined);
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) fail(`${flag}${envName && value === undefined ? ` (${envName})` : ''} must be a positive number, got ${JSON.stringify(text)}`);
  return n;
}

const requestTimeoutMs = (value: string | undefined) =>
  positive('--request-timeout', value, 'WASMCP_REQUEST_TIMEOUT', DEFAULT_LIMITS.requestTimeoutMs / 1000) * 1000;

const LIMIT_OPTIONS = {
  'request-timeout': { type: 'string' },
  'max-result-bytes': { type: 'string' },
  'max-engine-memory': { type: 'string' },
  'queue-timeout': { type: 'string' },
  'max-client-requests': { type: 'string' },
} as const;

function serveLimits(values: { [K in keyof typeof LIMIT_OPTIONS]?: string }): ServeLimits {
  return {
    requestTimeoutMs: requestTimeoutMs(values['request-timeout']),
    maxResultBytes: Math.floor(positive('--max-result-bytes', values['max-result-bytes'], 'WASMCP_MAX_RESULT', DEFAULT_LIMITS.maxResultBytes)),
    maxEngineMemoryBytes: positive('--max-engine-memory', values['max-engine-memory'], undefined, DEFAULT_LIMITS.maxEngineMemoryBytes / 2 ** 20) * 2 ** 20,
    queueTimeoutMs: positive('--queue-timeout', values['queue-timeout'], undefined, DEFAULT_LIMITS.queueTimeoutMs / 1000) * 1000,
    maxConcurrentPerClient: Math.floor(positive('--max-client-requests', values['max-client-requests'], undefined, DEFAULT_LIMITS.maxConcurrentPerClient)),
  };
}

const SWAP_OPTIONS = {
  transport: { type: 'string' },
  terminal: { type: 'string' },
  replace: { type: 'string', multiple: true },
} as const;

/** --transport, --terminal and --replace: the files (or registry references), checked to fit. */
async function swappedPieces(
  values: { transport?: string; terminal?: string; replace?: string[] },
  transport: 'http-transport' | 'stdio-transport',
  frameworkBuild: FrameworkBuild | undefined,
  variant: KeyValueVariant,
  framework: string | undefined,
  config: Awaited<ReturnType<typeof loadRegistryConfig>>,
): Promise<Replacements> {
  if (values.transport && frameworkBuild === 'fused') {
    fail(`--transport replaces ${transport}; with --framework fused the transport is inside framework-${transport.split('-')[0]} (--replace framework-${transport.split('-')[0]}=FILE swaps that)`);
  }
  return checkedReplacements(values, transport, variant, {
    source: framework,
    locate: (spec) => resolveComponentFile(spec, { config, credentials: credentialsFromEnv() }),
  });
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
      ...SWAP_OPTIONS,
      ...LIMIT_OPTIONS,
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length === 0) fail('give at least one component to serve');
  const limits = serveLimits(values);
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
  const components = await Promise.all(expandComponents(positionals, config).map((spec) => resolveComponentFile(spec, { config, credentials: credentialsFromEnv() })));
  const { framework, frameworkBuild } = frameworkChoice(values.framework ?? config.framework);
  const replace = await swappedPieces(values, 'http-transport', frameworkBuild, variant, framework, config);
  const server = await serveComponents({ components, variant, env, keyValue, host: values.host, port, workers, framework, frameworkBuild, limits, replace });
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
      ...SWAP_OPTIONS,
      'request-timeout': LIMIT_OPTIONS['request-timeout'],
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
  const components = await Promise.all(expandComponents(positionals, config).map((spec) => resolveComponentFile(spec, { config, credentials: credentialsFromEnv() })));
  const variant = values.variant as KeyValueVariant;
  const { framework, frameworkBuild } = frameworkChoice(values.framework ?? config.framework);
  const status = await runStdio({
    components,
    variant,
    env: componentEnv(values.env, {}),
    keyValue: keyValueSpec(values.kv, values['kv-path'], values['redis-url']),
    framework,
    frameworkBuild,
    replace: await swappedPieces(values, 'stdio-transport', frameworkBuild, variant, framework, config),
    requestTimeoutMs: requestTimeoutMs(values['request-timeout']),
  });
  process.exit(status);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serveCommand(rest);
    // The other commands load their modules (esbuild, jco, TOML) only when run: serve's start-up does not wait for them.
    case 'build':
      return (await import('./build-command.js')).buildCommand(rest);
    case 'new':
      return (await import('./new-command.js')).newCommand(rest);
    case 'stdio':
      return stdioCommand(rest);
    case 'compose': {
      const { composeCommand, ComposeUsageError } = await import('./compose-command.js');
      return composeCommand(rest, (text) => process.stdout.write(text)).catch((err: Error) => {
        if (err instanceof ComposeUsageError) fail(err.message);
        throw err;
      });
    }
    case 'registry':
      return (await import('./registry/command.js')).registryCommand(rest);
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
