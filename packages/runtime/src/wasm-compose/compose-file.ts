// `wasmcp-ts compose`: the chain `transport -> components -> method-not-found` as one
// component file, wired as upstream's composer wires it. A component exporting a capability
// (tools, resources, prompts, completions) is wrapped in that capability's middleware; the
// framework's service pieces (server-io, sessions, authorization) come in when a member imports
// what they export; everything else a member imports must be WASI, or is refused.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CAPABILITIES, MCP, SERVER_HANDLER, unversioned, type Capability } from '../interface-names.js';
import { frameworkComponentReference, locateFrameworkComponent, type FrameworkComponent, type Replacements } from '../framework.js';
import type { KeyValueVariant } from '../keyvalue/wasi-host.js';
import { keyValueDraft, readComponent, type ComponentInfo } from './component-types.js';
import { compareVersions, compatible, encodeComposition, splitVersion, type CompositionExport, type CompositionMember } from './encode-composition.js';

export interface ComposeFileOptions {
  /** `server`: a transport in front, exporting its entry point; `handler`: the chain alone, exporting server-handler. */
  kind: 'server' | 'handler';
  /** Component files, in chain order. */
  /** The user's components in chain order: the file and how to name it in messages (the reference given). */
  components: Array<{ file: string; label: string }>;
  /** The variant of the framework's artifacts. */
  variant: KeyValueVariant;
  transport?: 'http' | 'stdio';
  /** pieces: the transport and services as separate components; fused: framework-http/-stdio in front. */
  framework?: 'pieces' | 'fused';
  /** `oci://REGISTRY/PATH` the framework's artifacts are pulled from instead of the installed ones. */
  frameworkSource?: string;
  /** Framework pieces swapped for other files (checked with checkPieceFits beforehand). */
  replace?: Replacements;
}

export interface ComposedFile {
  bytes: Uint8Array;
  /** The members, in instantiation order, as `label (role)`. */
  members: string[];
  /** The request path: the transport (for a server), each handler of the chain, in order. */
  chain: string[];
  /** The outer imports left (WASI, and key-value when sessions are in). */
  imports: string[];
  exports: string[];
}

interface Member {
  label: string;
  role: string;
  bytes: Uint8Array;
  info: ComponentInfo;
  /** import name -> [member, export name] */
  wiring: Map<string, [Member, string]>;
}

/** Services the framework provides to any member that imports them, by interface. */
const SERVICE_PIECES: Record<string, FrameworkComponent> = {
  [`${MCP}/server-io`]: 'server-io',
  [`${MCP}/sessions`]: 'sessions',
  [`${MCP}/session-manager`]: 'sessions',
  [`${MCP}/server-auth`]: 'authorization',
  'wasmcp:keyvalue/store': 'sessions',
  'wasmcp:auth/helpers': 'authorization',
};

const exportOf = (member: Member, iface: string) => member.info.exports.find((e) => e.sort === 'instance' && unversioned(e.name) === iface)?.name;
const importOf = (member: Member, iface: string) => member.info.imports.find((i) => unversioned(i.name) === iface)?.name;

async function load(path: string, role: string, label = path): Promise<Member> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
  let info: ComponentInfo;
  try {
    info = readComponent(bytes);
  } catch (err) {
    throw new Error(`${label}: ${(err as Error).message}`);
  }
  return { label, role, bytes, info, wiring: new Map() };
}

/** Plans and writes the composition. Nothing is written to disk here: the caller writes `bytes`. */
export async function composeFile(options: ComposeFileOptions): Promise<ComposedFile> {
  const { variant } = options;
  const framework = async (name: FrameworkComponent, role: string = name) => {
    const file = await locateFrameworkComponent(name, variant, options.frameworkSource, options.replace);
    // Named by its reference when pulled; a replacement by its file.
    const source = options.replace?.[name] ? undefined : options.frameworkSource;
    return load(file, role, source ? frameworkComponentReference(name, variant, source) : file);
  };

  // The chain: each user component, wrapped in the middleware of what it serves.
  const links: Member[][] = [];
  const users: Member[] = [];
  for (const { file, label } of options.components) {
    const component = await load(file, 'component', label);
    users.push(component);
    if (exportOf(component, SERVER_HANDLER)) {
      component.role = 'middleware';
      links.push([component]);
      continue;
    }
    const caps = CAPABILITIES.filter((c) => exportOf(component, `${MCP}/${c}`));
    if (caps.length === 0) {
      throw new Error(`${label} exports neither ${SERVER_HANDLER} nor a capability interface (${CAPABILITIES.join(', ')})`);
    }
    component.role = caps.join('+');
    const middleware = await Promise.all(caps.map((c: Capability) => framework(`${c}-middleware`)));
    for (const m of middleware) {
      const cap = m.role.replace(/-middleware$/, '');
      m.wiring.set(importOf(m, `${MCP}/${cap}`)!, [component, exportOf(component, `${MCP}/${cap}`)!]);
    }
    links.push(middleware);
  }
  // A server's chain ends in method-not-found; a handler's last link keeps its downstream
  // import open, for whatever it is layered in front of.
  const chain = options.kind === 'server' ? [...links.flat(), await framework('method-not-found')] : links.flat();
  // Each handler's downstream is the next one: a link's middleware in order, then the next link.
  const handlers = chain.filter((m) => exportOf(m, SERVER_HANDLER));
  handlers.forEach((m, i) => {
    const downstream = importOf(m, SERVER_HANDLER);
    if (!downstream) return;
    const next = handlers[i + 1];
    if (next) m.wiring.set(downstream, [next, exportOf(next, SERVER_HANDLER)!]);
  });
  // A capability component importing server-handler reaches the chain after its middleware.
  links.forEach((link, i) => {
    const component = users[i];
    const downstream = importOf(component, SERVER_HANDLER);
    if (link[0] === component || !downstream) return;
    const next = handlers[handlers.indexOf(link[link.length - 1]) + 1];
    if (next) component.wiring.set(downstream, [next, exportOf(next, SERVER_HANDLER)!]);
  });

  let head: Member | undefined;
  if (options.kind === 'server') {
    const transport = options.transport ?? 'http';
    const fused = options.framework === 'fused';
    head = await framework(fused ? `framework-${transport}` : `${transport}-transport`, `${transport} transport`);
    head.wiring.set(importOf(head, SERVER_HANDLER)!, [handlers[0], exportOf(handlers[0], SERVER_HANDLER)!]);
  }

  // Variants: the framework's artifacts are `variant`; a user component may not use the other draft.
  const drafts = users.map((u) => [u, keyValueDraft(u.info.imports.map((i) => i.name))] as const).filter(([, d]) => d !== undefined);
  const mixed = drafts.find(([, d]) => d !== variant);
  if (mixed) {
    throw new Error(
      `Mixed WASI draft versions detected: ${mixed[0].label} imports wasi:keyvalue@0.2.0-${mixed[1]}, ` +
        `the framework artifacts of this composition use wasi:keyvalue@0.2.0-${variant} ` +
        `(${variant === 'draft2' ? '--spin' : '--wasmtime/--wasmcloud'}); build every component for one draft`,
    );
  }

  // Services: the framework's pieces, added when a member imports what they export. A handler
  // leaves them to the server it becomes part of, which shares its own with it.
  const members: Member[] = [...(head ? [head] : []), ...chain, ...users.filter((u) => !chain.includes(u))];
  const services = new Map<FrameworkComponent, Member>();
  const providers = new Map<string, Member>();
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    for (const { name } of member.info.imports) {
      if (member.wiring.has(name)) continue;
      const iface = unversioned(name);
      let provider = providers.get(iface) ?? members.find((m) => m !== member && isServiceExport(m, iface));
      if (!provider && SERVICE_PIECES[iface] && options.kind === 'server') {
        const piece = SERVICE_PIECES[iface];
        provider = services.get(piece) ?? (await framework(piece));
        if (!services.has(piece)) (services.set(piece, provider), members.push(provider));
      }
      if (!provider) continue;
      const others = members.filter((m) => m !== provider && m !== member && isServiceExport(m, iface));
      if (others.length > 0) {
        throw new Error(`two components provide ${iface}: ${provider.label} and ${others[0].label}; only one can be wired to ${member.label}`);
      }
      providers.set(iface, provider);
      const exported = exportOf(provider, iface)!;
      if (!compatibleVersions(exported, name)) {
        throw new Error(`incompatible interface versions: ${member.label} imports ${name}, ${provider.label} exports ${exported}`);
      }
      member.wiring.set(name, [provider, exported]);
    }
  }

  // Whatever is left is imported by a server: WASI only, or types the composition defines.
  for (const member of options.kind === 'server' ? members : []) {
    for (const { name } of member.info.imports) {
      if (member.wiring.has(name) || name.startsWith('wasi:')) continue;
      if (typesOnly(member.info, name)) continue;
      throw new Error(`${member.label} imports ${name}, which no component of the composition provides and no host provides`);
    }
  }

  const ordered = instantiationOrder(members);
  const index = new Map(ordered.map((m, i) => [m, i]));
  const compositionMembers: CompositionMember[] = ordered.map((m) => ({
    label: m.label,
    bytes: m.bytes,
    info: m.info,
    wiring: new Map([...m.wiring].map(([name, [provider, exported]]) => [name, [index.get(provider)!, exported] as [number, string]])),
  }));
  const exports: CompositionExport[] = [];
  if (head) {
    const entry = head.info.exports.find((e) => /^wasi:(http\/incoming-handler|cli\/run)@/.test(e.name));
    if (!entry) throw new Error(`${head.label} exports no wasi:http/incoming-handler or wasi:cli/run`);
    exports.push({ name: entry.name, member: index.get(head)!, exportName: entry.name });
  } else {
    const name = exportOf(handlers[0], SERVER_HANDLER)!;
    exports.push({ name, member: index.get(handlers[0])!, exportName: name });
  }
  const bytes = encodeComposition(compositionMembers, exports);
  await validate(bytes, ordered);
  const outer = readComponent(bytes);
  return {
    bytes,
    members: ordered.map((m) => `${m.label} (${m.role})`),
    chain: [...(head ? [head] : []), ...handlers].map((m) => {
      if (m.role === 'middleware') return m.label;
      const wrapped = [...m.wiring].find(([name]) => CAPABILITIES.some((c) => unversioned(name) === `${MCP}/${c}`));
      return wrapped ? `${m.role}(${basename(wrapped[1][0].label)})` : m.role;
    }),
    imports: outer.imports.map((i) => i.name),
    exports: outer.exports.map((e) => e.name),
  };
}

/**
 * Checks the composition as wasmtime would (jco's wasm-tools validates it, types of every
 * wiring included): a member given where its type does not fit is refused here, naming it.
 */
async function validate(bytes: Uint8Array, members: Member[]): Promise<void> {
  // Loaded here, not at start-up: jco's wasm-tools is tens of MB that `serve` never needs.
  const { componentWit } = await import('@bytecodealliance/jco');
  try {
    await componentWit(bytes);
  } catch (err) {
    const reason = String((err as Error).message).replace(/^Failed to decode wit component\s*/, '');
    const name = /import `([^`]+)`/.exec(reason)?.[1];
    const wired = name ? members.flatMap((m) => (m.wiring.has(name) ? [`${m.label} imports it from ${m.wiring.get(name)![0].label}`] : [])) : [];
    throw new Error(`the composition does not type-check: ${reason.split('\n').join('; ')}${wired.length ? ` (${wired.join('; ')})` : ''}`);
  }
}

/** A member exports `iface` as a service (server-handler and capabilities are wired by the chain). */
function isServiceExport(member: Member, iface: string): boolean {
  if (iface === SERVER_HANDLER || CAPABILITIES.some((c) => iface === `${MCP}/${c}`)) return false;
  return exportOf(member, iface) !== undefined;
}

/** An export serves an import of a semver-compatible version no newer than itself. */
function compatibleVersions(exported: string, imported: string): boolean {
  const [a, b] = [splitVersion(exported)[1], splitVersion(imported)[1]];
  return compatible(a, b) && compareVersions(a, b) >= 0;
}

function typesOnly(info: ComponentInfo, name: string): boolean {
  return [...info.interfaceShape(name, (n) => n).values()].every((e) => e.kind === 'type');
}

/** Providers before the members they are wired to. */
function instantiationOrder(members: Member[]): Member[] {
  const ordered: Member[] = [];
  const visiting = new Set<Member>();
  const visit = (m: Member) => {
    if (ordered.includes(m)) return;
    if (visiting.has(m)) throw new Error(`${m.label} is part of an import cycle`);
    visiting.add(m);
    for (const [provider] of m.wiring.values()) visit(provider);
    ordered.push(m);
  };
  members.forEach(visit);
  return ordered;
}
