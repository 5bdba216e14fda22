// The stdio transport as a factory: the chain (server-handler) and the WASI command's stdio
// and environment in, `wasi:cli/run` out, in the shapes of the WIT bindings.
import type { OutputStream } from '@wasmcp-ts/protocol/wit/wasi-io-streams.js';
import type { InputStream } from '@wasmcp-ts/protocol/wit/wasi-io-streams.js';
import type { Next } from '@wasmcp-ts/protocol';
import { readConfig } from './config.js';
import { LineReader } from './line-reader.js';
import { StdioConnection } from './stdio-connection.js';
import { readChunk, writeAll } from './wasi-streams.js';

export interface StdioTransportImports {
  serverHandler: { handle: Next };
  environment: { getEnvironment(): [string, string][] };
  stdin: { getStdin(): InputStream };
  stdout: { getStdout(): OutputStream };
  stderr: { getStderr(): OutputStream };
}

const encoder = new TextEncoder();

export function createStdioTransport(imports: StdioTransportImports) {
  function log(text: string): void {
    try {
      writeAll(imports.stderr.getStderr(), encoder.encode(`stdio-transport: ${text}\n`), 'stderr');
    } catch {
      // stderr is gone too: there is nowhere left to report to.
    }
  }

  const run = {
    /** Serves until stdin ends (ok: exit status 0); a bad setting or a broken stdio is err. */
    async run(): Promise<void> {
      try {
        const config = readConfig(imports.environment.getEnvironment());
        const stdin = imports.stdin.getStdin();
        const stdout = imports.stdout.getStdout();
        const output = { send: (json: string) => writeAll(stdout, encoder.encode(`${json}\n`), 'stdout'), log };
        const next: Next = (ctx, message) => imports.serverHandler.handle(ctx, message);
        await new StdioConnection(next, output, stdout, config).serve(new LineReader(() => readChunk(stdin, 'stdin'), config.maxLine));
      } catch (err) {
        log(err instanceof Error ? err.message : String(err));
        // A thrown non-Error is run's `err` (an Error would trap the instance instead).
        throw 'stdio-transport failed';
      }
    },
  };
  return { run };
}
