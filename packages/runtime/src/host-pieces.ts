// Framework pieces run in Node, beside the fused framework: the capability middleware,
// method-not-found, server-io and the sessions' services are the factories their components
// are built from (bundled here, not copied), given the same imports in the same JS shapes jco
// hands a component. Wrapping a user's component then adds no engine: a chain behind the fused
// framework is one engine for the framework and one per user component.
import { isPromise, internalError, type HandlerResult, type ServerHandler } from '@wasmcp-ts/protocol';
import { createCompletionsMiddleware, type CompletionsProvider } from '@wasmcp-ts/completions-middleware/factory';
import { createMethodNotFound } from '@wasmcp-ts/method-not-found/factory';
import { createPromptsMiddleware, type PromptsProvider } from '@wasmcp-ts/prompts-middleware/factory';
import { createResourcesMiddleware, type ResourcesProvider } from '@wasmcp-ts/resources-middleware/factory';
import { createServerIo } from '@wasmcp-ts/server-io/factory';
import { createSessions, type SessionsImports } from '@wasmcp-ts/sessions/factory';
import { createToolsMiddleware, type ToolsProvider } from '@wasmcp-ts/tools-middleware/factory';
import type { Capability } from './interface-names.js';

/** The pieces that can run in Node. */
export type HostedPiece = `${Capability}-middleware` | 'method-not-found' | 'server-io' | 'sessions';

/**
 * The failures of components' exports that are no WIT error: a trap, or an instance jco will no
 * longer call. A middleware factory would answer them as an internal error and go on calling a
 * broken instance, so each is thrown on, past the factory, to the worker, which replaces its
 * instances (as the failure unwinds through a middleware component). A WIT error arrives as a
 * thrown object with a `payload` (jco's ComponentError) and is the factory's to answer.
 */
export class ComponentFailures {
  #failure: { error: unknown } | undefined;

  /** `exports` with every function watched. */
  watch<T extends object>(exports: T): T {
    const watched: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(exports)) {
      watched[name] =
        typeof value !== 'function'
          ? value
          : (...args: unknown[]) => {
              try {
                return value.apply(exports, args);
              } catch (err) {
                if (!Object.hasOwn(Object(err), 'payload')) this.#failure ??= { error: err };
                throw err;
              }
            };
    }
    return watched as T;
  }

  /** Throws the failure seen since the last call, if any. */
  rethrow(): void {
    const failure = this.#failure;
    this.#failure = undefined;
    if (failure) throw failure.error;
  }
}

/**
 * A host function answers its caller (a jco import) at once. Over components' exports every
 * step of these factories is synchronous; a promise here would be a defect of ours, answered
 * as an internal error rather than handed to jco, which cannot lower it.
 */
function answeredAtOnce(handler: ServerHandler, piece: HostedPiece, failures: ComponentFailures): ServerHandler {
  return {
    handle: (ctx, message) => {
      let answer: ReturnType<ServerHandler['handle']>;
      try {
        answer = handler.handle(ctx, message);
      } finally {
        failures.rethrow();
      }
      if (!isPromise(answer)) return answer;
      answer.catch(() => {});
      return { tag: 'err', val: internalError(`Internal error: the host's ${piece} did not answer at once`) } satisfies HandlerResult;
    },
  };
}

/** The services a hosted piece or a user component may import, made on first use for one composition. */
export class HostedServices {
  #sessions?: ReturnType<typeof createSessions>;

  /** `host`: the WASI imports the components get, key-value included, by unversioned name. */
  constructor(private readonly host: Record<string, unknown>) {}

  /** sessions, session-manager and the typed store, over the host's key-value store. */
  get sessions(): ReturnType<typeof createSessions> {
    const host = this.host;
    this.#sessions ??= createSessions({
      keyValue: { store: host['wasi:keyvalue/store'], batch: host['wasi:keyvalue/batch'], atomics: host['wasi:keyvalue/atomics'] },
      random: host['wasi:random/random'],
      wallClock: host['wasi:clocks/wall-clock'],
      monotonicClock: host['wasi:clocks/monotonic-clock'],
      environment: host['wasi:cli/environment'],
    } as SessionsImports);
    return this.#sessions;
  }

  /** Exports by unversioned interface name, as a component would provide them. */
  exportsOf(piece: 'server-io' | 'sessions'): Map<string, unknown> {
    if (piece === 'server-io') return new Map([['wasmcp:mcp-v20251125/server-io', createServerIo().serverIo]]);
    const { sessions, sessionManager, store } = this.sessions;
    return new Map<string, unknown>([
      ['wasmcp:mcp-v20251125/sessions', sessions],
      ['wasmcp:mcp-v20251125/session-manager', sessionManager],
      ['wasmcp:keyvalue/store', store],
    ]);
  }
}

/**
 * The capability middleware in front of a component's capability export, as a host-side
 * server-handler. `next` is a component's export or another hosted piece.
 */
export function hostedMiddleware(capability: Capability, provider: object, next: ServerHandler, services: HostedServices, failures: ComponentFailures): ServerHandler {
  const piece: HostedPiece = `${capability}-middleware`;
  const below = failures.watch(next);
  const watched = failures.watch(provider);
  switch (capability) {
    case 'tools':
      return answeredAtOnce(createToolsMiddleware({ tools: watched as ToolsProvider, next: below }).serverHandler, piece, failures);
    case 'resources': {
      const store = { open: (id: string) => services.sessions.store.open(id) };
      return answeredAtOnce(createResourcesMiddleware({ resources: watched as ResourcesProvider, next: below, store }).serverHandler, piece, failures);
    }
    case 'prompts':
      return answeredAtOnce(createPromptsMiddleware({ prompts: watched as PromptsProvider, next: below }).serverHandler, piece, failures);
    case 'completions':
      return answeredAtOnce(createCompletionsMiddleware({ completions: watched as CompletionsProvider, next: below }).serverHandler, piece, failures);
  }
}

/** The end of the chain (-32601 for what nobody owned), host-side. */
export function hostedMethodNotFound(failures: ComponentFailures): ServerHandler {
  return answeredAtOnce(createMethodNotFound().serverHandler, 'method-not-found', failures);
}
