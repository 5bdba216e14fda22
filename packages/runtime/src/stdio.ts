// `wasmcp-ts stdio`: the composed chain behind the stdio transport, on this process's own
// stdin and stdout (preview2-shim maps wasi:cli stdio to fds 0-2). The transport reads until
// stdin ends; stdout carries MCP messages only, so everything the host itself prints goes to
// stderr.
import { Console } from 'node:console';
import { findCompleteServer } from './complete-server.js';
import { composeServer } from './compose.js';
import { locateFrameworkComponent } from './framework.js';
import type { KeyValueBackend } from './keyvalue/backend.js';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';

export interface StdioOptions {
  /** User components (or custom middleware), in chain order; capability components are wrapped. */
  components: string[];
  variant?: KeyValueVariant;
  /** The components' environment (e.g. WASMCP_MAX_LINE, WASMCP_SERVER_NAME). */
  env?: Record<string, string>;
  keyValue?: KeyValueBackend;
  /** Service components the chain imports (e.g. sessions for tools that keep state). */
  services?: string[];
  /** `oci://REGISTRY/PATH` to pull the framework components from instead of the installed packages. */
  framework?: string;
  /** `fused`: the transport as framework-stdio (one engine for the framework); `pieces` by default. */
  frameworkBuild?: 'pieces' | 'fused';
  /** Where the host's own diagnostics go (stderr by default). */
  log?: (line: string) => void;
}

const RUN = 'wasi:cli/run@0.2.12';

/**
 * Composes `stdio-transport -> components -> method-not-found` and serves stdin/stdout until
 * stdin ends. Resolves to the exit status: 0 after EOF, 1 when the transport reports a failure
 * (a bad setting, a broken pipe; it says why on stderr) or a component traps. Rejects when the
 * composition cannot be built (a missing or unusable component file).
 */
export async function runStdio(options: StdioOptions): Promise<number> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const variant = options.variant ?? 'draft';
  const restoreConsole = consoleToStderr();
  try {
    const complete = await findCompleteServer(options.components, 'stdio');
    const head = complete
      ? await composeServer({ components: [], head: complete.path, complete: true, variant: complete.variant, env: options.env, keyValue: options.keyValue })
      : await composeServer({
          components: options.components,
          variant,
          env: options.env,
          keyValue: options.keyValue,
          services: options.services,
          framework: options.framework,
          head: await locateFrameworkComponent(options.frameworkBuild === 'fused' ? 'framework-stdio' : 'stdio-transport', variant, options.framework),
        });
    const transport = head[RUN] as { run(): void } | undefined;
    if (!transport) throw new Error(`stdio-transport does not export ${RUN}`);
    try {
      transport.run();
      return 0;
    } catch (err) {
      // run's `err` arrives as a ComponentError (the transport has logged why); anything
      // else is a trap somewhere in the chain.
      if (!isComponentError(err)) log(`wasmcp-ts: the server trapped: ${(err as Error)?.message ?? String(err)}`);
      return 1;
    }
  } finally {
    restoreConsole();
  }
}

function isComponentError(err: unknown): boolean {
  return err instanceof Error && Object.hasOwn(err, 'payload');
}

// jco's glue prints its debug log with console.debug (when JCO_DEBUG is set), which Node
// writes to stdout: while the server runs, every console method writes to stderr.
function consoleToStderr(): () => void {
  const original = globalThis.console;
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  return () => {
    globalThis.console = original;
  };
}
