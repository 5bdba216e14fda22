import { getEnvironment } from 'wasi:cli/environment@0.2.12';
import { getStderr } from 'wasi:cli/stderr@0.2.12';
import { getStdin } from 'wasi:cli/stdin@0.2.12';
import { getStdout } from 'wasi:cli/stdout@0.2.12';
import { handle } from 'wasmcp:mcp-v20251125/server-handler@0.1.1';
import { readConfig } from './config.js';
import { LineReader } from './line-reader.js';
import { StdioConnection } from './stdio-connection.js';
import { readChunk, writeAll } from './wasi-streams.js';

const encoder = new TextEncoder();

function log(text: string): void {
  try {
    writeAll(getStderr(), encoder.encode(`stdio-transport: ${text}\n`), 'stderr');
  } catch {
    // stderr is gone too: there is nowhere left to report to.
  }
}

export const run = {
  /** Serves until stdin ends (ok: exit status 0); a bad setting or a broken stdio is err. */
  run(): void {
    try {
      const config = readConfig(getEnvironment());
      const stdin = getStdin();
      const stdout = getStdout();
      const output = { send: (json: string) => writeAll(stdout, encoder.encode(`${json}\n`), 'stdout'), log };
      new StdioConnection(handle, output, stdout, config).serve(new LineReader(() => readChunk(stdin, 'stdin'), config.maxLine));
    } catch (err) {
      log(err instanceof Error ? err.message : String(err));
      // A thrown non-Error is run's `err` (an Error would trap the instance instead).
      throw 'stdio-transport failed';
    }
  },
};
