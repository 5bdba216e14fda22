// Fused builds: several framework pieces (and a project's capability modules) linked with
// plain JS calls in ONE component, so a server carries one JavaScript engine instead of one per
// piece. Every piece is a factory `(imports) -> exports` (see each package's create-*.ts or its
// logic module); a fused build writes a small entry module that calls those factories in chain
// order and exports what the world exports. Two kinds:
//   - a complete server: transport + services + middleware + the modules + method-not-found,
//     exporting wasi:http/incoming-handler (or wasi:cli/run) and importing only WASI;
//   - a framework: transport + sessions + authorization, exporting the same and importing
//     wasmcp:mcp-v20251125/server-handler for a chain of components in any language.
// A capability module's `wasmcp:*` imports (server-io, sessions, the typed store, ...) resolve
// to the fused pieces' exports; anything the server does not hold fails the build by name.
// Plain JavaScript, like component-build.mjs, so the monorepo can run it before anything is built.
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { COMPONENT_BUNDLE, componentizeVariants, FEATURES, freshWorkDir, readComponentConfig, witName } from './component-build.mjs';
import { patchRandomGet } from './patch-random-get.mjs';

const MCP = 'wasmcp:mcp-v20251125';
const SERVER_HANDLER = `${MCP}/server-handler@0.1.1`;
export const TRANSPORTS = ['http', 'stdio'];
export const AUTH_MODES = ['public', 'oauth'];
/** Capability exports of a module, outermost middleware first (as the runtime composes them). */
const CAPABILITIES = ['tools', 'resources', 'prompts', 'completions'];

/** What each fused piece exports, by WIT interface: the service holding it and its names. */
const PROVIDED = {
  [`${MCP}/server-io@0.1.1`]: { service: 'serverIo', piece: 'server-io', names: ['parseMessage', 'sendMessage', 'flushBuffer'] },
  [`${MCP}/sessions@0.1.1`]: { service: 'sessions', piece: 'sessions', names: ['Session', 'FutureElicitResult'] },
  [`${MCP}/session-manager@0.1.1`]: {
    service: 'sessionManager',
    piece: 'sessions',
    names: ['initialize', 'validate', 'markTerminated', 'deleteSession', 'setExpiration'],
  },
  'wasmcp:keyvalue/store@0.1.0': { service: 'store', piece: 'sessions', names: ['open', 'Bucket'] },
  [`${MCP}/server-auth@0.1.1`]: { service: 'serverAuth', piece: 'authorization', names: ['decode', 'authorize'] },
  'wasmcp:auth/helpers@0.1.1': {
    service: 'authHelpers',
    piece: 'authorization',
    names: [
      'hasScope',
      'hasAnyScope',
      'hasAllScopes',
      'getScopes',
      'hasAudience',
      'getAudiences',
      'isExpired',
      'isValidTime',
      'getSubject',
      'getIssuer',
      'getClaim',
      'flattenClaims',
    ],
  },
};

/** The StarlingMonkey features each piece uses (as in its package.json). */
const PIECE_FEATURES = {
  http: ['stdio', 'clocks', 'http'],
  stdio: ['stdio'],
  authorization: ['stdio', 'clocks', 'http', 'random'],
};

const runtimeDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Checks a server build's settings; returns them complete. Every mistake names the setting.
 * `modules` are paths (relative to `baseDir`) of modules exporting tools/resources/prompts/completions.
 */
export function serverSettings(input, baseDir) {
  // `artifact` belongs to declaredServers.
  const known = ['transport', 'sessions', 'auth', 'modules', 'artifact', 'features'];
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length) throw new Error(`unknown server setting ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const transport = input.transport ?? 'http';
  if (!TRANSPORTS.includes(transport)) throw new Error(`unknown transport ${JSON.stringify(transport)}: the framework has ${TRANSPORTS.join(' and ')}`);
  const auth = input.auth ?? 'public';
  if (!AUTH_MODES.includes(auth)) throw new Error(`unknown auth mode ${JSON.stringify(auth)}: the framework has ${AUTH_MODES.join(' and ')}`);
  if (transport === 'stdio' && auth === 'oauth') throw new Error('auth oauth needs the http transport (bearer tokens ride HTTP headers)');
  const sessions = input.sessions ?? transport === 'http';
  if (typeof sessions !== 'boolean') throw new Error(`sessions is true or false, not ${JSON.stringify(sessions)}`);
  const modules = input.modules ?? [];
  if (!Array.isArray(modules) || modules.length === 0) throw new Error('a server needs at least one module exporting tools, resources, prompts or completions');
  const features = input.features ?? [];
  const badFeatures = features.filter((f) => !FEATURES.includes(f));
  if (badFeatures.length) throw new Error(`unknown features ${badFeatures.join(', ')} (known: ${FEATURES.join(', ')})`);
  return { transport, auth, sessions, modules: modules.map((m) => resolve(baseDir, m)), features };
}

/**
 * What the package in `pkgDir` builds, from its package.json's `wasmcp`: the fused framework
 * artifacts it declares, its own component (when it has an entry file and is no framework),
 * and its complete servers. Returns the component config too.
 */
export async function plannedArtifacts(pkgDir) {
  const config = await readComponentConfig(pkgDir);
  const entry = existsSync(config.entry) ? config.entry : undefined;
  return {
    config,
    frameworks: (config.framework ?? []).map((transport) => ({ artifact: `framework-${transport}`, transport })),
    component: entry && !config.framework ? config.artifact : undefined,
    servers: config.server ? declaredServers(config.server, { name: config.artifact, entry, baseDir: pkgDir }) : [],
  };
}

/**
 * package.json's `wasmcp.server`: one settings object or a list of them, each building its own
 * artifact (`artifact`, default NAME-server); modules default to the project's entry.
 */
export function declaredServers(declared, { name, entry, baseDir }) {
  const artifacts = new Set();
  return (Array.isArray(declared) ? declared : [declared]).map((input) => {
    const artifact = input.artifact ?? `${name}-server`;
    if (artifacts.has(artifact)) throw new Error(`two servers build ${artifact}: give each its own "artifact"`);
    artifacts.add(artifact);
    return { artifact, settings: serverSettings({ modules: entry ? [entry] : [], ...input }, baseDir) };
  });
}

/**
 * A complete server from capability modules: `outDir/draft/ARTIFACT.wasm` and
 * `outDir/draft2/ARTIFACT-d2.wasm`. Nothing is written when a check fails.
 */
export async function buildServer({ artifact, settings, witRoot, outDir, log = console.log }) {
  const work = await freshWorkDir(outDir);
  try {
    const modules = await inspectModules(settings.modules, work);
    const pieces = {
      transport: settings.transport,
      sessions: settings.sessions,
      authorization: settings.auth === 'oauth',
      serverIo: true,
    };
    const entry = serverEntry(pieces, modules, settings);
    return await fusedComponent({ artifact, entry, pieces, extraFeatures: settings.features, witRoot, outDir, work, log, source: `server ${artifact}` });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The framework for chains in any language: transport + sessions + authorization in one engine,
 * importing server-handler. Sessions and auth are configured by the environment, as with pieces.
 */
export async function buildFramework({ artifact, transport, witRoot, outDir, log = console.log }) {
  const work = await freshWorkDir(outDir);
  try {
    const pieces = { transport, sessions: transport === 'http', authorization: transport === 'http', serverIo: false, framework: true };
    return await fusedComponent({ artifact, entry: frameworkEntry(pieces), pieces, extraFeatures: [], witRoot, outDir, work, log, source: `framework ${artifact}` });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function fusedComponent({ artifact, entry, pieces, extraFeatures, witRoot, outDir, work, log, source }) {
  const bundle = join(work, 'component.js');
  const { metafile } = await esbuild({
    ...COMPONENT_BUNDLE,
    stdin: { contents: entry, resolveDir: runtimeDir, sourcefile: `${artifact}-fused-entry.js`, loader: 'js' },
    outfile: bundle,
    logLevel: 'silent',
    plugins: [fusedImports(pieces)],
  }).catch((err) => {
    throw new Error(`${source}: ${err.errors?.map((e) => e.text).join('; ') ?? err.message}`);
  });
  const output = Object.values(metafile.outputs)[0];
  const imports = [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort();
  const exported = pieces.transport === 'http' ? 'wasi:http/incoming-handler@0.2.10' : 'wasi:cli/run@0.2.12';
  const name = witName(artifact);
  const worldText = [`package local:${name};`, '', `world ${name} {`, ...imports.map((i) => `    import ${i};`), `    export ${exported};`, '}', ''].join('\n');
  const features = new Set([...PIECE_FEATURES[pieces.transport], ...(pieces.authorization ? PIECE_FEATURES.authorization : []), ...extraFeatures]);
  return componentizeVariants({
    bundle,
    worldText,
    source,
    artifact,
    features: [...features],
    witRoot,
    outDir,
    // The engine's native RSA/EC key import needs a working random_get (see patch-random-get.mjs).
    postProcess: pieces.authorization ? patchRandomGet : undefined,
    log,
  });
}

// The entry modules. `fused:services` builds the services first (they depend on WASI only), so
// the modules' `wasmcp:*` imports can read them while the modules are evaluated.

function servicesModule(pieces) {
  const lines = [];
  // Must come first: authorization replaces the global `crypto` before @noble/curves loads.
  if (pieces.authorization) lines.push(`import { createAuthorization } from '@wasmcp-ts/authorization/factory';`);
  lines.push(`import * as environment from 'wasi:cli/environment@0.2.12';`);
  if (pieces.sessions) {
    lines.push(
      `import * as monotonicClock from 'wasi:clocks/monotonic-clock@0.2.12';`,
      `import * as wallClock from 'wasi:clocks/wall-clock@0.2.12';`,
      `import * as atomics from 'wasi:keyvalue/atomics@0.2.0-draft';`,
      `import * as batch from 'wasi:keyvalue/batch@0.2.0-draft';`,
      `import * as wasiStore from 'wasi:keyvalue/store@0.2.0-draft';`,
      `import * as random from 'wasi:random/random@0.2.12';`,
      `import { createSessions } from '@wasmcp-ts/sessions/factory';`,
    );
  }
  if (pieces.serverIo) lines.push(`import { createServerIo } from '@wasmcp-ts/server-io/factory';`);
  lines.push(
    'const unavailable = (piece) => () => {',
    '  throw new Error(`this server was built without ${piece}`);',
    '};',
    pieces.sessions
      ? 'const sessionsPiece = createSessions({ keyValue: { store: wasiStore, batch, atomics }, random, wallClock, monotonicClock, environment });'
      : `const sessionsPiece = undefined;`,
    pieces.authorization
      ? 'const authPiece = createAuthorization({ environment, store: sessionsPiece ? sessionsPiece.store : { open: unavailable("sessions (the JWKS cache needs the key-value store)") } });'
      : 'const authPiece = undefined;',
    'export const services = {',
    `  serverIo: ${pieces.serverIo ? 'createServerIo().serverIo' : 'undefined'},`,
    '  sessions: sessionsPiece?.sessions,',
    '  sessionManager: sessionsPiece?.sessionManager,',
    '  store: sessionsPiece?.store,',
    '  serverAuth: authPiece?.serverAuth,',
    '  authHelpers: authPiece?.helpers,',
    '};',
    'export { unavailable };',
  );
  return lines.join('\n');
}

/** A `wasmcp:*` import of a module, bound to the fused piece that provides it. */
function providedModule(iface, pieces) {
  const { service, piece, names } = PROVIDED[iface];
  const held = piece === 'sessions' ? pieces.sessions : piece === 'authorization' ? pieces.authorization : pieces.serverIo;
  const lines = [`import { services, unavailable } from 'fused:services';`];
  for (const name of names) {
    lines.push(held ? `export const ${name} = services.${service}.${name};` : `export const ${name} = unavailable(${JSON.stringify(`${piece} (${iface})`)});`);
  }
  return lines.join('\n');
}

function transportLines(pieces, overrides) {
  if (pieces.transport === 'http') {
    return [
      `import * as environment from 'wasi:cli/environment@0.2.12';`,
      `import * as monotonicClock from 'wasi:clocks/monotonic-clock@0.2.12';`,
      `import { Fields, OutgoingBody, OutgoingResponse, ResponseOutparam } from 'wasi:http/types@0.2.10';`,
      `import { createHttpTransport } from '@wasmcp-ts/http-transport/factory';`,
      'const missing = (piece) => new Proxy({}, { get: (_, name) => unavailable(piece) });',
      'export const { incomingHandler } = createHttpTransport({',
      '  serverHandler: chain,',
      '  sessionManager: services.sessionManager ?? missing("sessions"),',
      '  serverAuth: services.serverAuth ?? missing("authorization"),',
      '  store: services.store ?? missing("sessions"),',
      '  environment,',
      '  monotonicClock,',
      '  httpTypes: { Fields, OutgoingBody, OutgoingResponse, ResponseOutparam },',
      `  settings: ${JSON.stringify(overrides)},`,
      '});',
    ];
  }
  return [
    `import * as environment from 'wasi:cli/environment@0.2.12';`,
    `import * as stderr from 'wasi:cli/stderr@0.2.12';`,
    `import * as stdin from 'wasi:cli/stdin@0.2.12';`,
    `import * as stdout from 'wasi:cli/stdout@0.2.12';`,
    `import { createStdioTransport } from '@wasmcp-ts/stdio-transport/factory';`,
    'export const { run } = createStdioTransport({ serverHandler: chain, environment, stdin, stdout, stderr });',
  ];
}

function serverEntry(pieces, modules, settings) {
  const lines = [`import { services, unavailable } from 'fused:services';`, `import { createMethodNotFound } from '@wasmcp-ts/method-not-found/factory';`];
  const used = new Set(modules.flatMap((m) => m.capabilities));
  for (const capability of CAPABILITIES) {
    if (used.has(capability)) lines.push(`import { create${pascal(capability)}Middleware } from '@wasmcp-ts/${capability}-middleware/factory';`);
  }
  modules.forEach((m, i) => lines.push(`import * as module${i} from ${JSON.stringify(m.path)};`));
  lines.push('let chain = createMethodNotFound().serverHandler;');
  // The chain is built from its end: the first module's outermost middleware ends up first.
  for (let i = modules.length - 1; i >= 0; i--) {
    for (const capability of [...modules[i].capabilities].reverse()) {
      const store = capability === 'resources' ? `, store: services.store ?? { open: unavailable('sessions (resource subscriptions)') }` : '';
      lines.push(`chain = create${pascal(capability)}Middleware({ ${capability}: module${i}.${capability}, next: chain${store} }).serverHandler;`);
    }
  }
  // The build decides what the server holds; the environment may still turn sessions off.
  const overrides = settings.sessions
    ? { defaults: { WASMCP_SESSION_ENABLED: 'true' }, fixed: { WASMCP_AUTH_MODE: settings.auth } }
    : { fixed: { WASMCP_SESSION_ENABLED: 'false', WASMCP_AUTH_MODE: settings.auth } };
  lines.push(...transportLines(pieces, overrides));
  return lines.join('\n');
}

function frameworkEntry(pieces) {
  return [
    `import { services, unavailable } from 'fused:services';`,
    `import * as chain from '${SERVER_HANDLER}';`,
    ...transportLines(pieces, {}),
  ].join('\n');
}

function pascal(word) {
  return word[0].toUpperCase() + word.slice(1);
}

/** Resolves the entry's virtual modules and every `wasmcp:*` import; WASI stays an import. */
function fusedImports(pieces) {
  return {
    name: 'wasmcp-fused-imports',
    setup(build) {
      build.onResolve({ filter: /^fused:services$/ }, () => ({ path: 'services', namespace: 'fused' }));
      build.onResolve({ filter: /^wasi:/ }, (args) => ({ path: args.path, external: true }));
      build.onResolve({ filter: /^wasmcp:/ }, (args) => {
        if (args.path in PROVIDED) return { path: args.path, namespace: 'fused-provided' };
        // Only a framework leaves the chain to other components.
        if (args.path === SERVER_HANDLER && pieces.framework) return { path: args.path, external: true };
        return { errors: [{ text: `${args.importer} imports ${args.path}, which no framework piece of this server provides` }] };
      });
      build.onLoad({ filter: /.*/, namespace: 'fused' }, () => ({ contents: servicesModule(pieces), resolveDir: runtimeDir, loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: 'fused-provided' }, (args) => ({ contents: providedModule(args.path, pieces), resolveDir: runtimeDir, loader: 'js' }));
    },
  };
}

/**
 * Evaluates each module in Node (its WIT imports stubbed) to learn what it exports and which
 * tool and prompt names it serves: a module exporting no capability, or two modules serving
 * the same name, fail the build before anything is compiled.
 */
async function inspectModules(paths, work) {
  const modules = [];
  const owners = { tool: new Map(), prompt: new Map() };
  for (const [i, path] of paths.entries()) {
    const outfile = join(work, `inspect-${i}.mjs`);
    await esbuild({
      entryPoints: [path],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      conditions: ['wasmcp-component', 'import'],
      outfile,
      logLevel: 'silent',
      plugins: [stubbedWitImports()],
    }).catch((err) => {
      throw new Error(`${path}: ${err.errors?.map((e) => e.text).join('; ') ?? err.message}`);
    });
    const exports = await import(pathToFileURL(outfile).href);
    const capabilities = CAPABILITIES.filter((c) => exports[c] !== undefined);
    if (capabilities.length === 0) throw new Error(`${path} exports none of ${CAPABILITIES.join(', ')}: a server module exports what @wasmcp-ts/sdk's defineTools/defineResources/definePrompts make`);
    const named = [
      ['tool', () => exports.tools?.listTools(INSPECT_CONTEXT, {}).tools],
      ['prompt', () => exports.prompts?.listPrompts(INSPECT_CONTEXT, {}).prompts],
    ];
    for (const [kind, list] of named) {
      let items;
      try {
        items = (await list()) ?? [];
      } catch {
        // A module that cannot list without the server around it is checked when it runs.
        items = [];
      }
      for (const { name } of items) {
        const other = owners[kind].get(name);
        if (other) throw new Error(`two modules serve the ${kind} ${JSON.stringify(name)}: ${other} and ${path}`);
        owners[kind].set(name, path);
      }
    }
    modules.push({ path, capabilities });
  }
  return modules;
}

const INSPECT_CONTEXT = { protocolVersion: '2025-11-25', frame: { prefix: new Uint8Array(), suffix: new Uint8Array() } };

/** WIT imports for evaluating a module in Node: anything called fails, nothing runs at import. */
function stubbedWitImports() {
  return {
    name: 'wasmcp-stubbed-wit-imports',
    setup(build) {
      build.onResolve({ filter: /^(wasi|wasmcp):/ }, (args) => ({ path: args.path, namespace: 'wit-stub' }));
      build.onLoad({ filter: /.*/, namespace: 'wit-stub' }, (args) => ({
        contents: `const fail = () => { throw new Error(${JSON.stringify(`${args.path} is not available while the build inspects the module`)}); };
module.exports = new Proxy({}, { get: (_, name) => (name === '__esModule' ? false : fail) });`,
        loader: 'js',
      }));
    },
  };
}
