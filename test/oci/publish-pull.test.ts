// Publishing to a real registry (Docker Distribution on 127.0.0.1) and pulling back: the
// artifacts a release pushes, their OCI layout, the WIT packages, and a server composed
// entirely from registry references.
import { componentEmbed } from '@bytecodealliance/jco';
import { _setPreopens } from '@bytecodealliance/preview2-shim/filesystem';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../packages/runtime/src/component-cache.js';
import { locateFrameworkComponent } from '../../packages/runtime/src/framework.js';
import { BlobCache } from '../../packages/runtime/src/oci/blob-cache.js';
import { pullComponent } from '../../packages/runtime/src/oci/pull.js';
import { parseOciReference } from '../../packages/runtime/src/oci/reference.js';
import { RegistryClient } from '../../packages/runtime/src/oci/registry-client.js';
import { parseRegistryConfig } from '../../packages/runtime/src/oci/registry-config.js';
import { resolveComponentFile } from '../../packages/runtime/src/oci/resolve.js';
import { readWitPackage } from '../../scripts/publish/wit-package.js';
import { example, framework, VARIANTS, type Variant } from '../support/artifacts.js';
import { jsonRpc, MCP_HEADERS, messagesOf, rawRequest } from '../support/http.js';
import { composeCli, expectSameFile, publishCli, ROOT, serveCli, startRegistry, stdioCli, type TestRegistry } from './registry.js';

const NAMESPACE = 'wasmcp-ts';
const SOURCE = 'https://github.com/example/wasmcp-ts';
// What serving the calculator over HTTP (with sessions) and over stdio needs, in both variants,
// and what composing it into one server.wasm adds (the authorization piece the transport imports).
const FRAMEWORK = ['http-transport', 'stdio-transport', 'server-io', 'sessions', 'authorization', 'tools-middleware', 'method-not-found'];
const EXAMPLES = ['calculator'];
const WIT_PACKAGES = { 'mcp-v20251125': 'mcp', keyvalue: 'keyvalue', auth: 'auth' } as const;

interface Pushed {
  manifest: string;
  layer: string;
}

let registry: TestRegistry;
let scratch: string;
let cache: BlobCache;
const pushed = new Map<string, Pushed>();

async function versionOf(dir: string): Promise<string> {
  return JSON.parse(await readFile(join(ROOT, dir, 'package.json'), 'utf8')).version;
}

/** The local artifact and the registry reference of a component in one variant. */
async function component(name: string, variant: Variant): Promise<{ file: string; ref: string }> {
  const isExample = EXAMPLES.includes(name);
  const file = isExample ? example(name, variant) : framework(name, variant);
  const version = await versionOf(join(isExample ? 'examples' : 'packages', name));
  return { file, ref: `${registry.host}/${NAMESPACE}/${name}${variant === 'draft2' ? '-d2' : ''}:${version}` };
}

beforeAll(async () => {
  registry = await startRegistry();
  scratch = await mkdtemp(join(tmpdir(), 'wasmcp-ts-oci-'));
  cache = new BlobCache(join(scratch, 'blobs'));
  const only = [...FRAMEWORK, ...EXAMPLES, ...Object.keys(WIT_PACKAGES)].join(',');
  const result = await publishCli(['--registry', registry.host, '--namespace', NAMESPACE, '--only', only, '--source', SOURCE]);
  if (result.code !== 0) throw new Error(`publish failed: ${result.stderr}`);
  for (const m of result.stdout.matchAll(/^pushed (\S+)\s+manifest (\S+)\s+layer (\S+)/gm)) pushed.set(m[1], { manifest: m[2], layer: m[3] });
});

afterAll(async () => {
  await registry?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('publish', () => {
  it('pushes NAME and NAME-d2 of each component and the WIT packages, each at its package version', async () => {
    const expected: string[] = [];
    for (const name of [...FRAMEWORK, ...EXAMPLES]) for (const variant of VARIANTS) expected.push((await component(name, variant)).ref);
    for (const [name, dir] of Object.entries(WIT_PACKAGES)) expected.push(`${registry.host}/${NAMESPACE}/${name}:${(await readWitPackage(join(ROOT, 'wit', dir))).version}`);
    expect([...pushed.keys()].sort()).toEqual(expected.sort());
  });

  it('stores the wasm OCI layout: config with the binary world, one application/wasm layer, standard annotations', async () => {
    const { ref } = await component('http-transport', 'draft');
    const { repository, tag } = parseOciReference(ref);
    const client = new RegistryClient(registry.host);
    const manifest = JSON.parse((await client.getManifest(repository, tag!)).bytes.toString('utf8'));
    const pkg = JSON.parse(await readFile(join(ROOT, 'packages', 'http-transport', 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.wasm.config.v0+json' },
      layers: [{ mediaType: 'application/wasm', digest: pushed.get(ref)!.layer, annotations: { 'org.opencontainers.image.title': 'http-transport.wasm' } }],
      annotations: {
        'org.opencontainers.image.title': 'http-transport',
        'org.opencontainers.image.version': pkg.version,
        'org.opencontainers.image.description': pkg.description,
        'org.opencontainers.image.source': SOURCE,
      },
    });
    expect(manifest.layers).toHaveLength(1);
    const config = JSON.parse((await client.getBlob(repository, manifest.config.digest)).toString('utf8'));
    expect(config).toMatchObject({ architecture: 'wasm', os: 'wasip2', layerDigests: [pushed.get(ref)!.layer] });
    expect(manifest.annotations['org.opencontainers.image.created']).toBe(config.created);
    expect(Number.isNaN(Date.parse(config.created))).toBe(false);
    expect(config.component.exports).toEqual(['wasi:http/incoming-handler@0.2.10']);
    expect(config.component.imports).toEqual(expect.arrayContaining(['wasmcp:mcp-v20251125/server-handler@0.1.1', 'wasi:http/types@0.2.10']));
  });
});

describe('pull', () => {
  it.each(VARIANTS)('gives back every pushed %s component byte for byte, verified against the published digests', async (variant) => {
    for (const name of [...FRAMEWORK, ...EXAMPLES]) {
      const { file, ref } = await component(name, variant);
      const pulled = await pullComponent(parseOciReference(`oci://${ref}`), { cache });
      await expectSameFile(pulled.path, file);
      expect({ layer: pulled.digest, manifest: pulled.manifestDigest }).toEqual(pushed.get(ref));
    }
  });

  it('pulls by digest as well as by tag', async () => {
    const { file, ref } = await component('calculator', 'draft');
    const byDigest = `oci://${ref.replace(/:[^:/]+$/, '')}@${pushed.get(ref)!.manifest}`;
    await expectSameFile((await pullComponent(parseOciReference(byDigest), { cache })).path, file);
  });

  it('resolves namespace:name@version and aliases through the config', async () => {
    const { file } = await component('calculator', 'draft');
    const version = await versionOf('examples/calculator');
    const config = parseRegistryConfig(`[namespaces]\n${NAMESPACE} = "${registry.host}/${NAMESPACE}"\n[aliases]\ncalc = "${NAMESPACE}:calculator@${version}"\n`);
    const byName = await resolveComponentFile(`${NAMESPACE}:calculator@${version}`, { config, cache });
    await expectSameFile(byName, file);
    expect(await resolveComponentFile('calc', { config, cache })).toBe(byName);
    await expect(resolveComponentFile(`elsewhere:calculator@${version}`, { config, cache })).rejects.toThrow(/no registry for namespace elsewhere .*\[namespaces\]/);
  });

  it.each(VARIANTS)('takes NAME or NAME-d2 of a framework component for the %s variant', async (variant) => {
    const file = await locateFrameworkComponent('sessions', variant, `oci://${registry.host}/${NAMESPACE}`);
    await expectSameFile(file, framework('sessions', variant));
  });
});

describe('WIT packages', () => {
  // A world that uses every interface and world of the package, embedded once against the WIT
  // source and once against the pulled binary package: the encodings must be the same bytes.
  it.each(Object.entries(WIT_PACKAGES))('%s decodes to the types of its source', async (name, dir) => {
    const source = await readWitPackage(join(ROOT, 'wit', dir));
    const pulled = await pullComponent(parseOciReference(`oci://${registry.host}/${NAMESPACE}/${name}:${source.version}`), { cache });
    const id = (item: string) => `${source.namespace}:${source.name}/${item}@${source.version}`;
    const probes = [`world probe-interfaces {\n${source.interfaces.map((i) => `  import ${id(i)};\n`).join('')}}`, ...source.worlds.map((w) => `world probe-${w} {\n  include ${id(w)};\n}`)];

    const fromSource = join(scratch, `${dir}-source`);
    const fromBinary = join(scratch, `${dir}-binary`);
    for (const probeDir of [fromSource, fromBinary]) {
      await mkdir(join(probeDir, 'deps'), { recursive: true });
      await writeFile(join(probeDir, 'probe.wit'), `package test:probe;\n\n${probes.join('\n\n')}\n`);
    }
    for (const other of Object.values(WIT_PACKAGES)) await cp(join(ROOT, 'wit', other), join(fromSource, 'deps', other), { recursive: true });
    for (const vendored of await readdir(join(ROOT, 'wit', 'deps'))) await cp(join(ROOT, 'wit', 'deps', vendored), join(fromSource, 'deps', vendored), { recursive: true });
    // The binary package carries the slices of its foreign dependencies itself.
    await copyFile(pulled.path, join(fromBinary, 'deps', `${name}.wasm`));

    _setPreopens({ '/': '/' } as never);
    const worlds = ['probe-interfaces', ...source.worlds.map((w) => `probe-${w}`)];
    for (const world of worlds) {
      const expected = await componentEmbed({ dummy: true, witPath: fromSource, world });
      const actual = await componentEmbed({ dummy: true, witPath: fromBinary, world });
      expect(Buffer.from(actual).equals(Buffer.from(expected)), world).toBe(true);
    }
  });
});

// A fresh blob cache proves the components come from the registry; the transpile cache is
// shared so that a run costs no transpiling.
async function cacheDirWithSharedTranspiles(): Promise<string> {
  const dir = await mkdtemp(join(scratch, 'cache-'));
  const transpiles = join(defaultCacheDir(), 'transpile');
  await mkdir(transpiles, { recursive: true });
  await symlink(transpiles, join(dir, 'transpile'));
  return dir;
}

describe('serve from the registry', () => {
  async function post(url: string, body: string, session?: string) {
    return rawRequest(url, { headers: { ...MCP_HEADERS, ...(session ? { 'mcp-session-id': session } : {}) }, body });
  }

  it.each(VARIANTS)('serves a %s server composed entirely from oci:// references and calls a tool through it', async (variant) => {
    const cacheDir = await cacheDirWithSharedTranspiles();
    const calculator = await component('calculator', variant);
    const server = await serveCli(['--port', '0', '--workers', '1', '--kv', 'memory', '--variant', variant, '--framework', `oci://${registry.host}/${NAMESPACE}`, `oci://${calculator.ref}`], {
      WASMCP_TS_CACHE: cacheDir,
    });
    try {
      const init = await post(server.mcpUrl, jsonRpc(1, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'oci-test', version: '1' } }));
      expect(init.status).toBe(200);
      const session = init.headers['mcp-session-id'] as string;
      expect(session).toBeTruthy();
      const call = await post(server.mcpUrl, jsonRpc(2, 'tools/call', { name: 'add', arguments: { a: 2, b: 3 } }), session);
      expect(messagesOf(call)[0].result.content).toEqual([{ type: 'text', text: '5' }]);
    } finally {
      await server.stop();
    }
    // Every component of the chain came through the registry into the fresh cache.
    const cached = await readdir(join(cacheDir, 'oci', 'sha256'));
    for (const name of ['http-transport', 'sessions', 'tools-middleware', 'method-not-found', 'calculator']) {
      const { ref } = await component(name, variant);
      expect(cached).toContain(pushed.get(ref)!.layer.slice('sha256:'.length));
    }
  });
});

describe('compose from the registry', () => {
  it('composes one server.wasm from oci:// references (the framework pieces and a tools component) that serves over HTTP', async () => {
    const cacheDir = await cacheDirWithSharedTranspiles();
    const calculator = await component('calculator', 'draft');
    const output = join(scratch, 'composed-from-registry.wasm');
    const composed = await composeCli(['server', '--wasmtime', '--framework', `oci://${registry.host}/${NAMESPACE}`, `oci://${calculator.ref}`, '-o', output], {
      WASMCP_TS_CACHE: cacheDir,
    });
    expect(composed.stderr).toBe('');
    expect(composed.code).toBe(0);
    expect(composed.stdout).toContain(`oci://${calculator.ref}`);
    // The pieces came through the registry into the fresh cache, not from this repository.
    const cached = await readdir(join(cacheDir, 'oci', 'sha256'));
    for (const name of ['http-transport', 'sessions', 'server-io', 'authorization', 'tools-middleware', 'method-not-found', 'calculator']) {
      const { ref } = await component(name, 'draft');
      expect(cached).toContain(pushed.get(ref)!.layer.slice('sha256:'.length));
    }
    const server = await serveCli(['--port', '0', '--workers', '1', '--kv', 'memory', output], { WASMCP_TS_CACHE: cacheDir });
    try {
      const init = await rawRequest(server.mcpUrl, {
        headers: MCP_HEADERS,
        body: jsonRpc(1, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'oci-test', version: '1' } }),
      });
      const session = init.headers['mcp-session-id'] as string;
      expect(session).toBeTruthy();
      const call = await rawRequest(server.mcpUrl, {
        headers: { ...MCP_HEADERS, 'mcp-session-id': session },
        body: jsonRpc(2, 'tools/call', { name: 'subtract', arguments: { a: 9, b: 4 } }),
      });
      expect(messagesOf(call)[0].result.content).toEqual([{ type: 'text', text: '5' }]);
    } finally {
      await server.stop();
    }
  });
});

describe('stdio from the registry', () => {
  it('runs a server composed entirely from oci:// references on stdin/stdout', async () => {
    const cacheDir = await cacheDirWithSharedTranspiles();
    const calculator = await component('calculator', 'draft');
    const lines = [
      jsonRpc(1, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'oci-test', version: '1' } }),
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      jsonRpc(2, 'tools/call', { name: 'multiply', arguments: { a: 6, b: 7 } }),
    ];
    const result = await stdioCli(['--framework', `oci://${registry.host}/${NAMESPACE}`, `oci://${calculator.ref}`], `${lines.join('\n')}\n`, { WASMCP_TS_CACHE: cacheDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const answers = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(answers.map((a) => a.id)).toEqual([1, 2]);
    expect(answers[1].result.content).toEqual([{ type: 'text', text: '42' }]);
    const cached = await readdir(join(cacheDir, 'oci', 'sha256'));
    expect(cached).toContain(pushed.get((await component('stdio-transport', 'draft')).ref)!.layer.slice('sha256:'.length));
  });
});
