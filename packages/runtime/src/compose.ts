// Composition in Node: what `wasmcp compose` (wac) does with a component graph, done with
// jco instances. A chain `[components...] -> method-not-found` is wired through the
// server-handler interface; a component exporting a capability interface (tools, resources,
// prompts, completions) instead of server-handler is wrapped in that capability's middleware,
// as upstream's composer does. Service components (sessions, authorization, server-io) are
// instantiated first and satisfy the imports of everything after them. Behind the fused
// framework, the chain's framework pieces run in Node instead (host-pieces.ts).
import { loadComponentFile, type Instance, type LoadedComponent } from './component-cache.js';
import { locateFrameworkComponent, type FrameworkComponent, type Replacements } from './framework.js';
import type { ServerHandler } from '@wasmcp-ts/protocol';
import { ComponentFailures, HostedServices, hostedMethodNotFound, hostedMiddleware, type HostedPiece } from './host-pieces.js';
import type { KeyValueBackend } from './keyvalue/backend.js';
import { MemoryBackend } from './keyvalue/memory.js';
import { keyValueImports, type KeyValueVariant } from './keyvalue/wasi-host.js';
import { CAPABILITIES, MCP, SERVER_HANDLER, SERVER_IO, unversioned, type Capability } from './interface-names.js';
import { wasiImports } from './wasi-imports.js';

export interface ComposeOptions {
  /** User components (or custom middleware), in chain order. */
  components: string[];
  /** Which WASI key-value shape the host provides and which framework artifacts to use. */
  variant?: KeyValueVariant;
  /** Service components instantiated before the chain (e.g. sessions, authorization). */
  services?: string[];
  /** A head component placed before the chain (e.g. a transport). */
  head?: string;
  /** The head is a complete server (a fused build): it is instantiated alone, with no chain. */
  complete?: boolean;
  keyValue?: KeyValueBackend;
  env?: Record<string, string>;
  /** Overrides for WASI imports (e.g. stdio streams for the stdio transport). */
  wasiOverrides?: Record<string, unknown>;
  /** `oci://REGISTRY/PATH` to pull the framework components from instead of the installed packages. */
  framework?: string;
  /** Framework pieces swapped for other files (checked with checkPieceFits beforehand). */
  replace?: Replacements;
  /**
   * The chain's framework pieces (capability middleware, method-not-found, server-io, sessions)
   * run in Node rather than as components, as the fused framework has them; a piece named in
   * `replace` stays the component given.
   */
  hostPieces?: boolean;
}

export interface ComposedChain {
  /** Exports of the first component (the head if given, else the first chain handler). */
  head: Instance;
  /** The server-handler export at the start of the chain (after the head). */
  handler: ServerHandlerExport;
  /** Capabilities some component of the chain serves. */
  capabilities: Set<Capability>;
  /** Exports of the service components, by unversioned interface name. */
  services: Map<string, unknown>;
  keyValue: KeyValueBackend;
}

export interface ServerHandlerExport {
  handle(ctx: unknown, message: unknown): unknown;
}

function interfaceExports(component: LoadedComponent): Set<string> {
  return new Set(component.exports.filter((e) => e.includes(':')).map(unversioned));
}

/**
 * The instance a transport runs: the head of a composed chain, or, with `complete`, the head
 * component alone (a complete server holds its chain), given the same host imports.
 */
export async function composeServer(options: ComposeOptions): Promise<Instance> {
  if (!options.complete) return (await compose(options)).head;
  if (!options.head) throw new Error('a complete server needs its component as the head');
  const component = await loadComponentFile(options.head);
  const host = hostImports(options, options.keyValue ?? new MemoryBackend(), options.variant ?? 'draft');
  const imports: Record<string, unknown> = {};
  for (const name of component.imports) imports[name] = host[name] ?? missingInterface(name, component.source);
  return component.instantiate(imports);
}

function hostImports(options: ComposeOptions, keyValue: KeyValueBackend, variant: KeyValueVariant): Record<string, unknown> {
  return { ...wasiImports({ env: options.env }), ...(options.wasiOverrides ?? {}), ...keyValueImports(keyValue, variant) };
}

/** Loads the files and composes them; the chain ends in method-not-found. */
export async function compose(options: ComposeOptions): Promise<ComposedChain> {
  const plan = await planChain(options);
  return instantiatePlan(plan, options);
}

interface ChainLink {
  component: LoadedComponent;
  /** For a wrapped capability component: the middleware in front of it, a component or run in Node for that capability. */
  middleware?: Array<LoadedComponent | Capability>;
}

/** A service piece run in Node. */
type HostedService = Extract<HostedPiece, 'server-io' | 'sessions'>;

const SESSION_SERVICES = [`${MCP}/sessions`, `${MCP}/session-manager`, 'wasmcp:keyvalue/store'];

export interface ChainPlan {
  variant: KeyValueVariant;
  services: Array<LoadedComponent | HostedService>;
  links: ChainLink[];
  /** method-not-found's component; none when it runs in Node. */
  terminal?: LoadedComponent;
  head?: LoadedComponent;
  capabilities: Set<Capability>;
}

/** Loads (transpiling on a cache miss) every component of the composition, once per process. */
export async function planChain(options: ComposeOptions): Promise<ChainPlan> {
  const variant = options.variant ?? 'draft';
  const framework = async (name: FrameworkComponent) => loadComponentFile(await locateFrameworkComponent(name, variant, options.framework, options.replace));
  const hosted = (piece: HostedPiece) => Boolean(options.hostPieces) && !options.replace?.[piece];
  const services: ChainPlan['services'] = await Promise.all((options.services ?? []).map((s) => loadComponentFile(s)));
  const capabilities = new Set<Capability>();
  const links: ChainLink[] = [];
  for (const path of options.components) {
    const component = await loadComponentFile(path);
    const exported = interfaceExports(component);
    if (exported.has(SERVER_HANDLER)) {
      links.push({ component });
      continue;
    }
    const caps = CAPABILITIES.filter((c) => exported.has(`${MCP}/${c}`));
    if (caps.length === 0) {
      throw new Error(`${path} exports neither ${SERVER_HANDLER} nor a capability interface (${CAPABILITIES.join(', ')})`);
    }
    caps.forEach((c) => capabilities.add(c));
    links.push({ component, middleware: await Promise.all(caps.map((c) => (hosted(`${c}-middleware`) ? c : framework(`${c}-middleware`)))) });
  }
  const head = options.head ? await loadComponentFile(options.head) : undefined;
  // Components import server-io (its message-frame is part of message-context, and tools call
  // send-message for notifications); upstream's compositions always hold one (its transport
  // imports it), so the framework's is added unless a service has it.
  const wired = [...links.flatMap((l) => [l.component, ...(l.middleware ?? [])]), ...(head ? [head] : [])].filter((c) => typeof c !== 'string');
  const imported = (names: string[]) => wired.some((c) => c.imports.some((name) => names.includes(unversioned(name))));
  const provides = (name: string) => services.some((s) => typeof s !== 'string' && interfaceExports(s).has(name));
  if (imported([SERVER_IO]) && !provides(SERVER_IO)) services.unshift(hosted('server-io') ? 'server-io' : await framework('server-io'));
  // Behind the fused framework, which keeps its sessions to itself, a component importing the
  // sessions' services gets them from Node.
  if (hosted('sessions') && imported(SESSION_SERVICES) && !SESSION_SERVICES.some(provides)) services.push('sessions');
  return {
    variant,
    services,
    links,
    terminal: hosted('method-not-found') ? undefined : await framework('method-not-found'),
    head,
    capabilities,
  };
}

/** Instantiates one composition of a plan: every call gets fresh instances. */
export async function instantiatePlan(plan: ChainPlan, options: ComposeOptions): Promise<ComposedChain> {
  const keyValue = options.keyValue ?? new MemoryBackend();
  const host = hostImports(options, keyValue, plan.variant);
  const provided = new Map<string, unknown>();

  const instantiate = async (component: LoadedComponent, local: Record<string, unknown>) => {
    const imports: Record<string, unknown> = {};
    for (const name of component.imports) {
      imports[name] = local[name] ?? provided.get(name) ?? host[name] ?? missingInterface(name, component.source);
    }
    try {
      return await component.instantiate(imports);
    } catch (err) {
      throw new Error(`cannot instantiate ${component.source}: ${(err as Error).message}`);
    }
  };
  const exportsOf = (component: LoadedComponent, instance: Instance) => {
    const out = new Map<string, unknown>();
    for (const name of component.exports) if (name.includes(':')) out.set(unversioned(name), instance[name]);
    return out;
  };

  const hostedServices = new HostedServices(host);
  const failures = new ComponentFailures();

  for (const service of plan.services) {
    const exports = typeof service === 'string' ? hostedServices.exportsOf(service) : exportsOf(service, await instantiate(service, {}));
    for (const [name, value] of exports) provided.set(name, value);
  }

  let next: ServerHandlerExport = plan.terminal ? handlerOf(await instantiate(plan.terminal, {}), plan.terminal) : hostedMethodNotFound(failures);
  for (const link of [...plan.links].reverse()) {
    const downstream = { [SERVER_HANDLER]: next };
    const instance = await instantiate(link.component, downstream);
    if (!link.middleware) {
      next = handlerOf(instance, link.component);
      continue;
    }
    const caps = exportsOf(link.component, instance);
    for (const middleware of [...link.middleware].reverse()) {
      if (typeof middleware === 'string') {
        next = hostedMiddleware(middleware, caps.get(`${MCP}/${middleware}`) as object, next as ServerHandler, hostedServices, failures);
        continue;
      }
      const local: Record<string, unknown> = { [SERVER_HANDLER]: next };
      for (const [name, value] of caps) local[name] = value;
      next = handlerOf(await instantiate(middleware, local), middleware);
    }
  }

  const head = plan.head ? await instantiate(plan.head, { [SERVER_HANDLER]: next }) : { [`${SERVER_HANDLER}@0.1.1`]: next };
  return { head, handler: next, capabilities: plan.capabilities, services: provided, keyValue };
}

function handlerOf(instance: Instance, component: LoadedComponent): ServerHandlerExport {
  const key = component.exports.find((e) => unversioned(e) === SERVER_HANDLER);
  const handler = key && instance[key];
  if (!handler) throw new Error(`${component.source} does not export ${SERVER_HANDLER}`);
  return handler as ServerHandlerExport;
}

// jco needs every function of every imported interface; an interface nobody provides gets
// functions that fail with a clear message if the component ever calls them.
function missingInterface(name: string, source: string): unknown {
  const fail = (fn: string) => () => {
    throw new Error(`${source} called ${name}#${fn}, but no component or host in this composition provides ${name}`);
  };
  return new Proxy({}, { get: (_target, prop) => (typeof prop === 'string' ? fail(prop) : undefined) });
}
