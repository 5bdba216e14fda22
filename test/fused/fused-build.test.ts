// Fused builds: what the artifacts import and export, the fused framework behind a chain of
// separate components, and the build's refusals (each names what is wrong and writes nothing).
// The end-to-end suites (test/e2e, test/conformance) run the fused complete servers too.
import { loadComponentFile, serveComponents } from '@wasmcp-ts/runtime';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, serverSettings } from '../../packages/runtime/src/fused-build.mjs';
import { artifact, example, fixture, fusedServer, VARIANTS } from '../support/artifacts.js';
import { tempDir } from '../support/temp.js';

const root = join(__dirname, '..', '..');
const unversioned = (name: string) => name.replace(/@.*$/, '');

describe.each(VARIANTS)('fused artifacts (%s)', (variant) => {
  it('a complete HTTP server imports only WASI and exports only the incoming handler', async () => {
    const server = await loadComponentFile(fusedServer('examples/server', 'examples', variant));
    expect(server.imports.filter((name) => !name.startsWith('wasi:'))).toEqual([]);
    expect(server.exports.filter((name) => name.includes(':')).map(unversioned)).toEqual(['wasi:http/incoming-handler']);
    // Sessions are in (check-worlds checks the import is the variant's draft).
    expect(server.imports).toEqual(expect.arrayContaining(['wasi:keyvalue/store', 'wasi:keyvalue/atomics']));
  });

  it('a complete stdio server exports wasi:cli/run', async () => {
    const server = await loadComponentFile(fusedServer('test/fixtures/notifying-tools', 'notifying-tools-stdio', variant));
    expect(server.imports.filter((name) => !name.startsWith('wasi:'))).toEqual([]);
    expect(server.exports.filter((name) => name.includes(':')).map(unversioned)).toEqual(['wasi:cli/run']);
  });

  it('the fused framework imports server-handler for the chain (and the interfaces whose types it uses) and WASI', async () => {
    for (const transport of ['http', 'stdio']) {
      const framework = await loadComponentFile(artifact('packages/framework', `framework-${transport}`, variant));
      const chain = framework.imports.filter((name) => !name.startsWith('wasi:')).map(unversioned);
      expect(chain).toContain('wasmcp:mcp-v20251125/server-handler');
      // server-handler's message-context uses types of server-io and server-auth; nothing else.
      expect(chain.filter((name) => !['server-handler', 'server-io', 'server-auth'].includes(name.split('/')[1]))).toEqual([]);
      expect(framework.exports.filter((name) => name.includes(':')).map(unversioned)).toEqual([transport === 'http' ? 'wasi:http/incoming-handler' : 'wasi:cli/run']);
    }
  });
});

describe.each(VARIANTS)('the fused framework in front of separate components (%s)', (variant) => {
  let server: Awaited<ReturnType<typeof serveComponents>>;
  let client: Client;

  beforeAll(async () => {
    server = await serveComponents({
      components: [example('calculator', variant), fixture('test-tools', variant)],
      variant,
      env: { WASMCP_SESSION_ENABLED: 'true' },
      keyValue: { kind: 'sqlite', path: join(tempDir('wasmcp-fused-framework'), 'kv.sqlite') },
      host: '127.0.0.1',
      port: 0,
      workers: 1,
      frameworkBuild: 'fused',
      log: () => {},
    });
    client = new Client({ name: 'fused-framework', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('lists and calls tools of the chain behind it, in a session', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['add', 'fail_hard']));
    expect(await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } })).toEqual({ content: [{ type: 'text', text: '5' }] });
    expect((client.transport as StreamableHTTPClientTransport).sessionId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('a server build that cannot be made', () => {
  const work = tempDir('wasmcp-fused-refusals');
  const witRoot = join(root, 'wit');
  const calculator = join(root, 'examples', 'calculator', 'src', 'component.ts');

  const attempt = async (name: string, settings: Record<string, unknown>) => {
    const outDir = join(work, name);
    const error = await buildServer({ artifact: name, settings: serverSettings(settings, work), witRoot, outDir, log: () => {} }).then(
      () => undefined,
      (err: Error) => err.message,
    );
    return { error, wrote: existsSync(join(outDir, 'draft')) || existsSync(join(outDir, 'draft2')) };
  };

  it('names an unknown framework piece or setting', () => {
    expect(() => serverSettings({ transport: 'websocket', modules: [calculator] }, work)).toThrow(/unknown transport "websocket"/);
    expect(() => serverSettings({ auth: 'magic', modules: [calculator] }, work)).toThrow(/unknown auth mode "magic"/);
    expect(() => serverSettings({ middleware: ['x'], modules: [calculator] }, work)).toThrow(/unknown server setting middleware/);
    expect(() => serverSettings({ modules: [] }, work)).toThrow(/at least one module/);
  });

  it('names a tool two modules both serve, and writes no artifact', async () => {
    const copy = join(work, 'calculator-again.ts');
    writeFileSync(copy, `export { tools } from ${JSON.stringify(calculator)};\n`);
    const { error, wrote } = await attempt('duplicate', { modules: [calculator, copy] });
    expect(error).toMatch(/two modules serve the tool "add"/);
    expect(wrote).toBe(false);
  });

  it('names an interface no framework piece provides, and writes no artifact', async () => {
    const dir = join(work, 'imports-tools');
    mkdirSync(dir, { recursive: true });
    const module = join(dir, 'component.ts');
    writeFileSync(
      module,
      [
        `import { callTool } from 'wasmcp:mcp-v20251125/tools@0.1.1';`,
        `import { tools as calculator } from ${JSON.stringify(calculator)};`,
        'export const tools = { ...calculator, callTool };',
      ].join('\n'),
    );
    const { error, wrote } = await attempt('unprovided', { modules: [module] });
    expect(error).toMatch(/imports wasmcp:mcp-v20251125\/tools@0\.1\.1, which no framework piece of this server provides/);
    expect(wrote).toBe(false);
  });

  it('names a module that exports no capability', async () => {
    const module = join(work, 'nothing.ts');
    writeFileSync(module, 'export const answer = 42;\n');
    const { error, wrote } = await attempt('nothing', { modules: [module] });
    expect(error).toMatch(/exports none of tools, resources, prompts, completions/);
    expect(wrote).toBe(false);
  });
});
