#!/usr/bin/env node
// The wasmcp-ts command line: compose MCP server components and run them.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isShared, type KeyValueSpec } from './keyvalue/factory.js';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';
import { serveComponents } from './serve.js';

const USAGE = `Usage: wasmcp-ts serve [options] <component.wasm>...

Composes  http-transport -> <components...> -> method-not-found  (a component exporting
tools/resources/prompts/completions is wrapped in its middleware) and serves it.

Options:
  --host HOST          address to listen on (default 127.0.0.1)
  --port PORT          port to listen on (default 8080; 0 picks a free one)
  --path PATH          the MCP endpoint (default /mcp)
  --variant V          draft (wasi:keyvalue@0.2.0-draft) or draft2 (default draft)
  --workers N          worker threads, each with its own instances (default 4)
  --kv KIND            key-value backend: memory (default while only one worker is used)
  --no-sessions        do not hand out Mcp-Session-Id (sessions are on by default)
  --env KEY=VALUE      environment for the components (repeatable); WASMCP_* and JWT_*
                       variables of this process are passed on as well
  -h, --help           this text
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
      kv: { type: 'string', default: 'memory' },
      'no-sessions': { type: 'boolean', default: false },
      env: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length === 0) fail('give at least one component (.wasm) to serve');
  for (const file of positionals) if (!existsSync(file)) fail(`no such component: ${file}`);
  if (values.variant !== 'draft' && values.variant !== 'draft2') fail(`--variant must be draft or draft2, got ${values.variant}`);
  const variant = values.variant as KeyValueVariant;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got ${values.port}`);
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) fail(`--workers must be a positive integer, got ${values.workers}`);
  if (values.kv !== 'memory') fail(`--kv must be memory, got ${values.kv}`);
  const keyValue: KeyValueSpec = { kind: 'memory' };
  const sessions = !values['no-sessions'];
  if (sessions && !isShared(keyValue) && workers > 1) {
    fail('sessions with several workers need a shared key-value backend; use --workers 1 or --no-sessions');
  }
  if (!values.path.startsWith('/')) fail(`--path must start with /, got ${values.path}`);

  const env = componentEnv(values.env, {
    WASMCP_MCP_PATH: values.path,
    WASMCP_SESSION_ENABLED: String(sessions),
    // Behind a non-loopback address the Host header is the operator's own business.
    WASMCP_VALIDATE_HOST: String(LOOPBACK.has(values.host)),
  });
  const started = Date.now();
  const server = await serveComponents({ components: positionals, variant, env, keyValue, host: values.host, port, workers });
  process.stderr.write(`wasmcp-ts: MCP server on ${server.url}${values.path} (${workers} workers, ${variant}, ready in ${Date.now() - started} ms)\n`);
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

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serveCommand(rest);
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
