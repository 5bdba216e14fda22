// Loads a component for the Node host: transpiles it with jco once per content hash
// (on disk, so a second process skips the ~1-3 s transpile) and compiles its core modules
// once per process, so every further instance costs only instantiation. Worker threads share
// the compiled modules (a WebAssembly.Module crosses threads with its machine code), so a
// pool compiles each engine once, not once per worker.
import { fork } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { knownFact, rememberFact, sha256 } from './file-facts.js';
import type { TranspileJob, TranspileOutcome } from './transpile-worker.js';

export type ImportObject = Record<string, unknown>;
export type Instance = Record<string, any>;

export interface LoadedComponent {
  /** Where it came from (a file path, or a label for bytes). */
  source: string;
  /** sha256 of the component bytes. */
  digest: string;
  /** Versioned interface names, e.g. `wasmcp:mcp-v20251125/server-handler@0.1.1`. */
  imports: string[];
  exports: string[];
  instantiate(imports: ImportObject): Promise<Instance>;
}

interface CacheMeta {
  imports: string[];
  exports: string[];
  files: string[];
}

// Bump when the transpile options below change, so stale caches are not reused.
const TRANSPILE_FORMAT = 'jco-1.35.0-async-2';
const DIGEST_PATTERN = /^[0-9a-f]{64}$/;

export function defaultCacheDir(): string {
  return process.env.WASMCP_TS_CACHE ?? join(homedir(), '.cache', 'wasmcp-ts');
}

const loaded = new Map<string, Promise<LoadedComponent>>();

/** Compiled core modules by component digest, then by core file name. */
export type CompiledModules = Record<string, Record<string, WebAssembly.Module>>;

const compiled = new Map<string, Map<string, Promise<WebAssembly.Module>>>();

/** Modules another thread compiled: loading those components here compiles nothing. */
export function adoptCompiledModules(modules: CompiledModules): void {
  for (const [digest, cores] of Object.entries(modules)) {
    const own = coresOf(digest);
    for (const [name, module] of Object.entries(cores)) if (!own.has(name)) own.set(name, Promise.resolve(module));
  }
}

/** Every module this thread has compiled or adopted, to hand to another thread. */
export async function compiledModules(): Promise<CompiledModules> {
  const out: CompiledModules = {};
  for (const [digest, cores] of compiled) {
    out[digest] = {};
    for (const [name, module] of cores) out[digest][name] = await module;
  }
  return out;
}

function coresOf(digest: string): Map<string, Promise<WebAssembly.Module>> {
  let cores = compiled.get(digest);
  if (!cores) {
    cores = new Map();
    compiled.set(digest, cores);
  }
  return cores;
}

export async function loadComponentFile(path: string, cacheDir = defaultCacheDir()): Promise<LoadedComponent> {
  const read = () =>
    readFile(path).catch((err: NodeJS.ErrnoException) => {
      throw new Error(err.code === 'ENOENT' ? `component not found: ${path}` : `cannot read component ${path}: ${err.message}`);
    });
  // Hashing a 15 MB engine took 50 ms of every worker's start; a known digest with a transpiled
  // entry spares reading the file at all.
  const known = await knownFact('digest', path, cacheDir);
  if (known && DIGEST_PATTERN.test(known)) return loadDigest(known, read, path, cacheDir);
  const bytes = await read();
  const digest = sha256(bytes);
  await rememberFact('digest', path, digest, cacheDir);
  return loadDigest(digest, async () => bytes, path, cacheDir);
}

export function loadComponentBytes(bytes: Uint8Array, source: string, cacheDir = defaultCacheDir()): Promise<LoadedComponent> {
  return loadDigest(sha256(bytes), async () => bytes, source, cacheDir);
}

function loadDigest(digest: string, bytes: () => Promise<Uint8Array>, source: string, cacheDir: string): Promise<LoadedComponent> {
  let pending = loaded.get(digest);
  if (!pending) {
    pending = load(bytes, digest, source, cacheDir);
    loaded.set(digest, pending);
    pending.catch(() => loaded.delete(digest));
  }
  return pending;
}

async function load(bytes: () => Promise<Uint8Array>, digest: string, source: string, cacheDir: string): Promise<LoadedComponent> {
  if (!DIGEST_PATTERN.test(digest)) throw new Error(`bad digest ${digest}`);
  const dir = join(cacheDir, 'transpile', TRANSPILE_FORMAT, digest);
  const meta = (await readMeta(dir)) ?? (await transpileInto(await bytes(), dir, source));
  const jsFile = meta.files.find((f) => f.endsWith('.js') && !f.includes('/'));
  if (!jsFile) throw new Error(`transpiled ${source} has no entry module`);
  const cores = coresOf(digest);
  const getCoreModule = (name: string) => {
    let core = cores.get(name);
    if (!core) {
      core = readFile(join(dir, name)).then((b) => WebAssembly.compile(b));
      cores.set(name, core);
      core.catch(() => cores.delete(name));
    }
    return core;
  };
  // The core modules are read and compiled (on V8's background threads) while this thread
  // loads the glue: a worker's start overlaps the two instead of adding them.
  for (const name of meta.files.filter((f) => /^[^/]+\.core\d*\.wasm$/.test(f))) void getCoreModule(name);
  const mod = await import(pathToFileURL(join(dir, jsFile)).href);
  return {
    source,
    digest,
    imports: meta.imports,
    exports: meta.exports,
    instantiate: (imports) => mod.instantiate(getCoreModule, imports),
  };
}

// jco's glue asks the environment for JCO_DEBUG in every one of its debug-log calls, several per
// host call; a worker's process.env is a C++ lookup, about 5 % of a request. Ask once per instance.
const DEBUG_LOG_PER_CALL = 'const _debugLog = (...args) => {\n    if (!globalThis?.process?.env?.JCO_DEBUG) { return; }\n    console.debug(...args);\n  };';
const DEBUG_LOG_ONCE = 'const _debugLog = globalThis?.process?.env?.JCO_DEBUG ? (...args) => console.debug(...args) : () => {};';

function withDebugSwitchOnce(content: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(content);
  return text.includes(DEBUG_LOG_PER_CALL) ? new TextEncoder().encode(text.replace(DEBUG_LOG_PER_CALL, DEBUG_LOG_ONCE)) : content;
}

async function readMeta(dir: string): Promise<CacheMeta | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as CacheMeta;
  } catch {
    return undefined;
  }
}

/** jco's transpile, in a process of its own that ends with it (transpile-worker.ts). */
async function transpileInProcess(bytes: Uint8Array, source: string): Promise<Extract<TranspileOutcome, { ok: true }>> {
  const child = fork(fileURLToPath(new URL('./transpile-worker.js', import.meta.url)), { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const outcome = await new Promise<TranspileOutcome>((resolve, reject) => {
    child.once('message', (m) => resolve(m as TranspileOutcome));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the transpile process exited (${code})${stderr ? `: ${stderr.trim()}` : ''}`)));
    child.send({ bytes } satisfies TranspileJob);
  }).finally(() => child.kill());
  if (!outcome.ok) throw new Error(`cannot transpile ${source}: ${outcome.message}`);
  return outcome;
}

async function transpileInto(bytes: Uint8Array, dir: string, source: string): Promise<CacheMeta> {
  const result = await transpileInProcess(bytes, source);
  // Write into a temporary folder and rename, so a concurrent process never sees half a cache entry.
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  const files = Object.keys(result.files);
  for (const [name, content] of Object.entries(result.files)) {
    await mkdir(dirname(join(tmp, name)), { recursive: true });
    await writeFile(join(tmp, name), name.endsWith('.js') ? withDebugSwitchOnce(content) : content);
  }
  const meta: CacheMeta = { imports: result.imports, exports: result.exports, files };
  await writeFile(join(tmp, 'meta.json'), JSON.stringify(meta));
  await mkdir(dirname(dir), { recursive: true });
  try {
    await rename(tmp, dir);
  } catch {
    await rm(tmp, { recursive: true, force: true }); // another process won the race; its entry is identical
  }
  return meta;
}
