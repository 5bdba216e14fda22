// A complete server is one component holding the whole chain (a fused build, or a composition
// made elsewhere): it exports a transport's entry point and imports nothing of the chain, so
// the runtime serves it as it is, with no framework around it. Told from the component's own
// import and export names, so the main thread of `serve` never loads an engine or jco.
import { readFile } from 'node:fs/promises';
import { SERVER_HANDLER, unversioned } from './interface-names.js';
import { defaultCacheDir } from './component-cache.js';
import { knownFact, rememberFact } from './file-facts.js';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';
import { keyValueDraft, readComponent } from './wasm-compose/component-types.js';

export interface CompleteServer {
  path: string;
  transport: 'http' | 'stdio';
  /** The wasi:keyvalue draft it imports (draft when it imports none). */
  variant: KeyValueVariant;
}

const ENTRY_POINTS = { 'wasi:http/incoming-handler': 'http', 'wasi:cli/run': 'stdio' } as const;

export async function completeServerOf(path: string): Promise<CompleteServer | undefined> {
  const { imports, exports } = await componentNames(path);
  const entry = exports.map(unversioned).find((name): name is keyof typeof ENTRY_POINTS => name in ENTRY_POINTS);
  // A fused framework exports the same entry point but still needs the chain behind it.
  if (!entry || imports.some((name) => unversioned(name) === SERVER_HANDLER)) return undefined;
  return { path, transport: ENTRY_POINTS[entry], variant: keyValueDraft(imports) ?? 'draft' };
}

interface ComponentNames {
  imports: string[];
  exports: string[];
}

/** The component's import and export names (versioned), remembered in the cache: reading and parsing 15 MB was 80 ms of the main thread's start. */
async function componentNames(path: string): Promise<ComponentNames> {
  const cacheDir = defaultCacheDir();
  const known = await knownFact('names', path, cacheDir);
  if (known) return JSON.parse(known) as ComponentNames;
  let info;
  try {
    info = readComponent(await readFile(path));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'component not found' : `cannot read component (${(err as Error).message})`;
    throw new Error(`${reason}: ${path}`);
  }
  const names = { imports: info.imports.map((i) => i.name), exports: info.exports.map((e) => e.name) };
  await rememberFact('names', path, JSON.stringify(names), cacheDir);
  return names;
}

/**
 * The one complete server among `components`, if any; a complete server given with other
 * components, or for the other transport, is refused with the reason.
 */
export async function findCompleteServer(components: string[], transport: 'http' | 'stdio'): Promise<CompleteServer | undefined> {
  const servers = (await Promise.all(components.map(completeServerOf))).filter((s): s is CompleteServer => s !== undefined);
  if (servers.length === 0) return undefined;
  const [server] = servers;
  if (components.length > 1) throw new Error(`${server.path} is a complete server: serve it alone, not with other components`);
  if (server.transport !== transport) {
    const command = server.transport === 'http' ? 'wasmcp-ts serve' : 'wasmcp-ts stdio';
    throw new Error(`${server.path} is a complete ${server.transport} server: run it with ${command}`);
  }
  return server;
}
