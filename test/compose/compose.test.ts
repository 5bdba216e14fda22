// `wasmcp-ts compose`: one server.wasm from components and the framework's pieces, checked the
// way the issue asks. jco's wasm-tools (the validator wasmtime shares) reads the file's world;
// the runtime transpiles and serves it as a complete server; the official client uses it.
import { componentWit, parse } from '@bytecodealliance/jco';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example } from '../support/artifacts.js';
import { tempDir } from '../support/temp.js';
import { ROOT, serveCli } from '../oci/registry.js';

const CLI = join(ROOT, 'packages', 'runtime', 'dist', 'cli.js');
const work = tempDir('wasmcp-compose');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function compose(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return cli(['compose', ...args], env);
}

function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function composed(args: string[], output: string): Promise<string> {
  const run = await compose([...args, '-o', output]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return output;
}

/** The `import`/`export` lines of the world jco reads from the file. */
async function world(file: string): Promise<{ imports: string[]; exports: string[] }> {
  const wit = await componentWit(await readFile(file));
  const names = (kind: string) => [...wit.matchAll(new RegExp(`^\\s*${kind} ([^;]+);`, 'gm'))].map((m) => m[1]);
  return { imports: names('import'), exports: names('export') };
}

async function withHttpClient(file: string, use: (client: Client) => Promise<void>): Promise<void> {
  const server = await serveCli(['--port', '0', '--workers', '1', '--kv', 'memory', file]);
  const client = new Client({ name: 'compose-test', version: '1.0.0' });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl)));
    await use(client);
  } catch (err) {
    throw new Error(`${(err as Error).message}\nthe server's log:\n${server.stderr()}`);
  } finally {
    await client.close();
    await server.stop();
  }
}

const text = (result: unknown) => (result as { content: Array<{ text: string }> }).content.map((c) => c.text).join('');

describe('wasmcp-ts compose server', () => {
  it('--wasmtime: the calculator and string-tools with the framework pieces, one file that imports WASI only and serves over HTTP', async () => {
    const file = await composed(['server', '--wasmtime', example('calculator', 'draft'), example('string-tools', 'draft')], join(work, 'pieces.wasm'));
    const { imports, exports } = await world(file);
    expect(exports).toEqual(['wasi:http/incoming-handler@0.2.10']);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((name) => !name.startsWith('wasi:'))).toEqual([]);
    expect(imports).toContain('wasi:keyvalue/store@0.2.0-draft');
    await withHttpClient(file, async (client) => {
      const { tools } = await client.listTools();
      // The order on the command line is the order of the chain.
      expect(tools.map((t) => t.name)).toEqual(['add', 'subtract', 'multiply', 'divide', 'reverse', 'uppercase', 'lowercase', 'word_count']);
      expect(text(await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } }))).toBe('5');
      expect(text(await client.callTool({ name: 'uppercase', arguments: { text: 'wasm' } }))).toBe('WASM');
    });
  }, 600_000);

  it('Spin by default (draft2), with the fused framework in front', async () => {
    const file = await composed(['server', '--framework', 'fused', example('calculator', 'draft2')], join(work, 'fused-d2.wasm'));
    const { imports } = await world(file);
    expect(imports).toContain('wasi:keyvalue/store@0.2.0-draft2');
    expect(imports.filter((name) => !name.startsWith('wasi:'))).toEqual([]);
    await withHttpClient(file, async (client) => {
      expect(text(await client.callTool({ name: 'multiply', arguments: { a: 6, b: 7 } }))).toBe('42');
    });
  }, 600_000);

  it('--transport stdio: a wasi:cli/run component the official client runs over stdin/stdout', async () => {
    const file = await composed(['server', '--wasmcloud', '--transport', 'stdio', example('string-tools', 'draft')], join(work, 'stdio.wasm'));
    expect((await world(file)).exports).toEqual(['wasi:cli/run@0.2.12']);
    const client = new Client({ name: 'compose-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'stdio', file], stderr: 'pipe' }));
    try {
      expect(text(await client.callTool({ name: 'word_count', arguments: { text: 'one two three' } }))).toMatch(/3/);
    } finally {
      await client.close();
    }
  }, 600_000);

  it('a handler composed first is layered into a server later', async () => {
    const handler = await composed(['handler', '--wasmtime', example('string-tools', 'draft')], join(work, 'handler.wasm'));
    const handlerWorld = await world(handler);
    expect(handlerWorld.exports).toEqual(['wasmcp:mcp-v20251125/server-handler@0.1.1']);
    // Its downstream and the services stay imports, for the server it becomes part of.
    expect(handlerWorld.imports).toEqual(expect.arrayContaining(['wasmcp:mcp-v20251125/server-handler@0.1.1', 'wasmcp:mcp-v20251125/server-io@0.1.1']));
    const file = await composed(['server', '--wasmtime', handler, example('calculator', 'draft')], join(work, 'layered.wasm'));
    expect((await world(file)).imports.filter((name) => !name.startsWith('wasi:'))).toEqual([]);
    await withHttpClient(file, async (client) => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['reverse', 'uppercase', 'lowercase', 'word_count', 'add', 'subtract', 'multiply', 'divide']);
      expect(text(await client.callTool({ name: 'subtract', arguments: { a: 9, b: 4 } }))).toBe('5');
    });
  }, 600_000);
});

describe('wasmcp-ts compose with the registry', () => {
  it('expands an alias and a profile (base first) and writes the profile to its saved output', async () => {
    const env = { ...process.env, XDG_CONFIG_HOME: tempDir('wasmcp-compose-home') };
    const output = join(work, 'saved', 'dev-handler.wasm');
    for (const args of [
      ['component', 'add', 'strings', example('string-tools', 'draft')],
      ['profile', 'add', 'base', 'strings'],
      ['profile', 'add', 'dev', example('calculator', 'draft'), '-b', 'base', '-o', output],
    ]) {
      expect(await cli(['registry', ...args], env)).toMatchObject({ code: 0, stderr: '' });
    }
    const run = await compose(['handler', '--wasmtime', 'dev'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`wrote ${output}`);
    // string-tools (the base profile's) sits before the calculator in the chain.
    expect(run.stdout).toContain('chain: tools-middleware(string-tools.wasm) -> tools-middleware(calculator.wasm)\n');
    expect((await world(output)).exports).toEqual(['wasmcp:mcp-v20251125/server-handler@0.1.1']);
  });
});

describe('wasmcp-ts compose refuses, naming the component and the interface, and writes nothing', () => {
  /** A component from its text: a pass-through middleware with the given extra imports. */
  async function watComponent(name: string, body: string): Promise<string> {
    const file = join(work, `${name}.wasm`);
    await writeFile(file, await parse(`(component ${body})`));
    return file;
  }
  const passThrough = (imports: string) => `
    ${imports}
    (import "wasmcp:mcp-v20251125/server-handler@0.1.1" (instance $downstream))
    (export "wasmcp:mcp-v20251125/server-handler@0.1.1" (instance $downstream))`;

  async function refused(args: string[], message: RegExp): Promise<void> {
    const output = join(work, `refused-${Math.random().toString(36).slice(2)}.wasm`);
    const run = await compose([...args, '-o', output]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(existsSync(output)).toBe(false);
  }

  it('components of mixed WASI drafts', async () => {
    const d2 = await watComponent('kv-draft2', passThrough('(import "wasi:keyvalue/store@0.2.0-draft2" (instance (export "bucket" (type (sub resource)))))'));
    await refused(['server', '--wasmtime', d2], new RegExp(`Mixed WASI draft versions detected: ${d2} imports wasi:keyvalue@0.2.0-draft2`));
  });

  it('an import nobody provides that is not WASI', async () => {
    const weather = await watComponent('weather', passThrough('(import "acme:weather/forecast@1.0.0" (instance (export "today" (func (result string)))))'));
    await refused(['server', '--wasmtime', weather], new RegExp(`${weather} imports acme:weather/forecast@1.0.0, which no component of the composition provides`));
  });

  it('two providers of one interface', async () => {
    const provider = (name: string) =>
      watComponent(name, `${passThrough('')} (type $key u32) (instance $store (export "key" (type $key))) (export "acme:cache/store@1.0.0" (instance $store))`);
    const [a, b] = [await provider('cache-a'), await provider('cache-b')];
    const user = await watComponent('cache-user', passThrough('(import "acme:cache/store@1.0.0" (instance (type $k u32) (export "key" (type (eq $k)))))'));
    await refused(['server', '--wasmtime', user, a, b], new RegExp(`two components provide acme:cache/store: ${a} and ${b}`));
  });

  it('incompatible interface versions', async () => {
    const newer = await watComponent('env-0-3', passThrough('(import "wasi:cli/environment@0.3.0" (instance (export "get-arguments" (func (result (list string))))))'));
    await refused(['server', '--wasmtime', newer], /incompatible interface versions: .* imports wasi:cli\/environment@(0\.3\.0|0\.2\.\d+), .* imports wasi:cli\/environment@(0\.3\.0|0\.2\.\d+)/);
  });

  it('a component whose type does not fit where it is wired', async () => {
    // Its server-handler export is its empty downstream import: the transport finds no handle.
    const hollow = await watComponent('hollow', passThrough(''));
    await refused(['server', '--wasmtime', hollow], /the composition does not type-check: type mismatch for import `wasmcp:mcp-v20251125\/server-handler@0\.1\.1`/);
  });

  it('a component exporting nothing the chain can use', async () => {
    const plain = await watComponent('plain', '(type $t u32) (instance $i (export "t" (type $t))) (export "acme:x/y@1.0.0" (instance $i))');
    await refused(['server', plain], /exports neither wasmcp:mcp-v20251125\/server-handler nor a capability interface/);
  });

  it('an existing output without --force', async () => {
    const output = join(work, 'existing.wasm');
    await writeFile(output, 'keep me');
    const run = await compose(['server', example('calculator', 'draft2'), '-o', output]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/exists; give --force to overwrite it/);
    expect(await readFile(output, 'utf8')).toBe('keep me');
  });
});
