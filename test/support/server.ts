// A served composition on a free loopback port, for end-to-end tests.
import { serveComponents, type KeyValueSpec, type RunningServer, type ServeLimits } from '@wasmcp-ts/runtime';
import { join } from 'node:path';
import type { Variant } from './artifacts.js';
import { tempDir } from './temp.js';

export interface TestServer extends RunningServer {
  mcpUrl: string;
}

export interface TestServerOptions {
  components: string[];
  variant: Variant;
  env?: Record<string, string>;
  workers?: number;
  /** Memory without sessions; with sessions a sqlite file of its own (workers share it). */
  keyValue?: KeyValueSpec;
  limits?: Partial<ServeLimits>;
  sessionSweepMs?: number;
  /** The runtime's default (fused, the chain's pieces in Node) unless given. */
  frameworkBuild?: 'pieces' | 'fused';
}

export async function startServer(options: TestServerOptions): Promise<TestServer> {
  const env: Record<string, string> = { WASMCP_SESSION_ENABLED: 'false', ...options.env };
  const server = await serveComponents({
    components: options.components,
    variant: options.variant,
    env,
    keyValue: options.keyValue ?? (env.WASMCP_SESSION_ENABLED === 'true' ? { kind: 'sqlite', path: join(tempDir('wasmcp-kv'), 'kv.sqlite') } : { kind: 'memory' }),
    host: '127.0.0.1',
    port: 0,
    workers: options.workers ?? 2,
    limits: options.limits,
    sessionSweepMs: options.sessionSweepMs,
    frameworkBuild: options.frameworkBuild,
    log: () => {},
  });
  // Tests count on every worker being there (a slow call must not hold up the others).
  await server.allWorkersReady;
  return { ...server, mcpUrl: `${server.url}${env.WASMCP_MCP_PATH ?? '/mcp'}` };
}
