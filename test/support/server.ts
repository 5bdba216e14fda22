// A served composition on a free loopback port, for end-to-end tests.
import { serveComponents, type KeyValueSpec, type RunningServer } from '@wasmcp-ts/runtime';
import type { Variant } from './artifacts.js';

export interface TestServer extends RunningServer {
  mcpUrl: string;
}

export interface TestServerOptions {
  components: string[];
  variant: Variant;
  env?: Record<string, string>;
  workers?: number;
  /** Memory by default; sessions across several workers need a shared one (sqlite). */
  keyValue?: KeyValueSpec;
}

export async function startServer(options: TestServerOptions): Promise<TestServer> {
  const env: Record<string, string> = { WASMCP_SESSION_ENABLED: 'false', ...options.env };
  const server = await serveComponents({
    components: options.components,
    variant: options.variant,
    env,
    keyValue: options.keyValue ?? { kind: 'memory' },
    host: '127.0.0.1',
    port: 0,
    workers: options.workers ?? 2,
    log: () => {},
  });
  return { ...server, mcpUrl: `${server.url}${env.WASMCP_MCP_PATH ?? '/mcp'}` };
}
