// Where a server's CPU goes, stage by stage: the server runs under V8's CPU profiler (each of
// its threads writes a profile when it exits), takes the same load as the HTTP section, and
// every sample is put in the stage whose code it ran. A sample in native code (a host call
// into SQLite, postMessage, a builtin) counts for the nearest caller that has a stage.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from './load.mjs';
import { openSession, startServer } from './servers.mjs';

export const STAGES = [
  'engine: transport, chain, services (wasm)',
  'host-call glue (jco)',
  'key-value host (runtime)',
  'WASI host (preview2-shim)',
  'serving path in the worker (runtime)',
  'main thread: HTTP, pool, hand-over',
  'garbage collection',
  'other',
];
const [ENGINE, GLUE, KEY_VALUE, WASI, SERVING, MAIN, GC, OTHER] = STAGES;

/** The source module of each line of an esbuild bundle, from its `// src/...` markers. */
function bundleModules(file) {
  let lines;
  try {
    lines = readFileSync(file, 'utf8').split('\n');
  } catch {
    return () => undefined;
  }
  const starts = [];
  lines.forEach((line, i) => {
    const marker = /^\/\/ (src\/\S+)$/.exec(line);
    if (marker) starts.push([i, marker[1]]);
  });
  return (line) => {
    let found;
    for (const [start, module] of starts) {
      if (start > line) break;
      found = module;
    }
    return found;
  };
}

function stageOf(callFrame, modulesOf) {
  const { url, functionName, lineNumber } = callFrame;
  if (functionName === '(garbage collector)') return GC;
  if (url.startsWith('wasm://')) return ENGINE;
  if (url.includes('/transpile/')) return GLUE;
  if (url.includes('preview2-shim')) return WASI;
  if (url.includes('better-sqlite3') || url.includes('ioredis')) return KEY_VALUE;
  if (url.includes('/runtime/dist/')) {
    const module = modulesOf(url)(lineNumber);
    return module?.startsWith('src/keyvalue/') ? KEY_VALUE : SERVING;
  }
  return undefined;
}

/**
 * Busy CPU ms per stage between `from` and `to` (µs of the monotonic clock, which V8's sample
 * times and process.hrtime share), over every thread's profile in `dir`.
 */
function stageTimes(dir, from, to) {
  const modules = new Map();
  const modulesOf = (url) => {
    if (!modules.has(url)) modules.set(url, bundleModules(new URL(url).pathname));
    return modules.get(url);
  };
  const totals = Object.fromEntries(STAGES.map((s) => [s, 0]));
  for (const file of readdirSync(dir)) {
    // CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile: thread 0 is the main thread.
    const mainThread = file.split('.')[4] === '0';
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parents = new Map();
    for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
    const stageCache = new Map();
    const stageOfNode = (id) => {
      if (stageCache.has(id)) return stageCache.get(id);
      const node = nodes.get(id);
      const name = node.callFrame.functionName;
      let stage;
      if (name === '(idle)' || name === '(root)') stage = null;
      else if (mainThread) stage = name === '(garbage collector)' ? GC : MAIN;
      else stage = stageOf(node.callFrame, modulesOf) ?? (parents.has(id) ? stageOfNode(parents.get(id)) : null) ?? OTHER;
      stageCache.set(id, stage);
      return stage;
    };
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      const delta = profile.timeDeltas[i] ?? 0;
      at += delta;
      if (at < from || at > to) return;
      const stage = stageOfNode(id);
      if (stage) totals[stage] += delta / 1000;
    });
  }
  return totals;
}

/**
 * Serves `spec` under the profiler, loads it like the HTTP section, and returns the CPU per
 * request of every stage (ms) and the requests served.
 */
export async function profileServer(spec, { body, concurrency, seconds, warmupSeconds }) {
  const dir = mkdtempSync(join(tmpdir(), 'wasmcp-bench-profile-'));
  try {
    const [cli, ...args] = spec.args;
    const server = await startServer({ ...spec, args: ['--cpu-prof', '--cpu-prof-dir', dir, cli, ...args] });
    const now = () => Number(process.hrtime.bigint() / 1000n);
    let result, from, to;
    try {
      const headers = await openSession(server.url, spec.headers);
      await runLoad({ url: server.url, headers, body, concurrency, seconds: warmupSeconds });
      from = now();
      result = await runLoad({ url: server.url, headers, body, concurrency, seconds });
      to = now();
    } finally {
      await server.stop();
    }
    // Only the measured run counts: start-up and warm-up are outside [from, to].
    const times = stageTimes(dir, from, to);
    return { requests: result.requests, msPerRequest: Object.fromEntries(STAGES.map((s) => [s, times[s] / result.requests])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
