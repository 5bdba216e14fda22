// A new user's first minute, as the README's first screen shows it, through a real npm registry:
// every package of packages/ is staged and published (scripts/publish/npm-packages.mjs) to a
// Verdaccio on 127.0.0.1, and a folder outside the repository, with that registry as its only
// one and an empty npm cache, runs `npm create @wasmcp-ts my-tools`, `npm install`,
// `npm run build`, `npm test` and `npm run serve`, and the official client calls the tool.
// Nothing there can reach this checkout: whatever is missing from a package fails here.
// Slow (a full install and two component builds): one install, reused by every step.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';
import { startVerdaccio, type Registry } from '../support/verdaccio.js';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const NAME = 'my-tools';
const STEP_TIMEOUT = 900_000;

interface Packed {
  name: string;
  files: { path: string }[];
}

/** Resolves with the URL `wasmcp-ts serve` announces on stderr. */
function announcedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /MCP server on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${stderr}`)));
  });
}

describe('the first minute of a new user, through an npm registry', () => {
  let registry: Registry | undefined;
  let work: string;
  let staged: string;
  let project: string;
  /** The environment of the user's commands: the local registry only, a fresh npm cache. */
  let userEnv: NodeJS.ProcessEnv;

  const npm = (args: string[], cwd = project) => run('npm', args, { cwd, env: userEnv, maxBuffer: 1 << 26 });

  beforeAll(async () => {
    if (!existsSync(join(root, 'packages', 'runtime', 'dist', 'cli.js'))) throw new Error('the packages are not built: run npm run build');
    work = tempDir('wasmcp-ts-npm');
    staged = join(work, 'staged');
    project = join(work, 'user', NAME);
    registry = await startVerdaccio(join(work, 'verdaccio'));
    const publishConfig = join(work, 'publish.npmrc');
    await writeFile(publishConfig, `//${new URL(registry.url).host}/:_authToken=${registry.token}\n`);
    await run(process.execPath, [join(root, 'scripts', 'publish', 'npm-packages.mjs'), '--out', staged, '--publish', '--registry', registry.url], {
      cwd: root,
      env: { ...process.env, npm_config_userconfig: publishConfig },
      maxBuffer: 1 << 26,
    });
    await run('mkdir', ['-p', join(work, 'user')]);
    userEnv = {
      // Without the variables of the vitest running this file.
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS')),
      npm_config_registry: registry.url,
      npm_config_cache: join(work, 'npm-cache'),
      npm_config_yes: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await registry?.stop();
  });

  it(
    'publishes no tests, no sources but declarations, no build outputs of other packages and no path of this checkout',
    async () => {
      const { stdout } = await run('npm', ['pack', '--dry-run', '--json', ...['create', 'protocol', 'runtime', 'sdk', 'tools-middleware', 'sessions', 'framework'].map((p) => join(staged, p))], {
        maxBuffer: 1 << 26,
      });
      const packed = JSON.parse(stdout) as Packed[];
      for (const { name, files } of packed) {
        const paths = files.map((f) => f.path);
        // templates/ is what `wasmcp-ts new` writes: the new project's source and test.
        const code = paths.filter((p) => !p.startsWith('templates/'));
        expect(code.filter((p) => /(^|\/)test\/|\.test\.|\.map$/.test(p)), name).toEqual([]);
        expect(code.filter((p) => /\.m?ts$/.test(p) && !/\.d\.m?ts$/.test(p)), name).toEqual([]);
        const own = name === '@wasmcp-ts/framework' ? 'framework-' : name.replace('@wasmcp-ts/', '');
        expect(paths.filter((p) => p.endsWith('.wasm') && !p.split('/').pop()!.startsWith(own)), name).toEqual([]);
        expect(paths, name).toContain('LICENSE');
      }
      // No path that only exists in this checkout (a declaration's reference, a bundle's import).
      for (const entry of await readdir(staged, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile() || entry.name.endsWith('.wasm')) continue;
        const file = join(entry.parentPath, entry.name);
        expect(await readFile(file, 'utf8'), file).not.toContain(root);
      }
      const tools = packed.find((p) => p.name === '@wasmcp-ts/tools-middleware')!.files.map((f) => f.path);
      expect(tools).toEqual(expect.arrayContaining(['dist/draft/tools-middleware.wasm', 'lib/tools-middleware.js']));
      // Its draft2 artifact is the same bytes, shipped once; the sessions' differs.
      expect(tools).not.toContain('dist/draft2/tools-middleware-d2.wasm');
      expect(packed.find((p) => p.name === '@wasmcp-ts/sessions')!.files.map((f) => f.path)).toContain('dist/draft2/sessions-d2.wasm');
    },
    STEP_TIMEOUT,
  );

  it(
    'creates the project with npm create @wasmcp-ts',
    async () => {
      await npm(['create', '@wasmcp-ts', NAME], join(work, 'user'));
      const pkg = JSON.parse(await readFile(join(project, 'package.json'), 'utf8'));
      expect(pkg.name).toBe(NAME);
    },
    STEP_TIMEOUT,
  );

  it(
    'installs it with npm install, from that registry alone',
    async () => {
      await npm(['install']);
      // The published runtime, not this checkout's: built code and declarations, no sources.
      const runtime = join(project, 'node_modules', '@wasmcp-ts', 'runtime');
      expect(existsSync(join(runtime, 'lib', 'index.d.ts'))).toBe(true);
      expect(existsSync(join(runtime, 'src'))).toBe(false);
    },
    STEP_TIMEOUT,
  );

  it(
    'builds both variants with npm run build',
    async () => {
      await npm(['run', 'build']);
      expect(existsSync(join(project, 'dist', 'draft', `${NAME}.wasm`))).toBe(true);
      expect(existsSync(join(project, 'dist', 'draft2', `${NAME}-d2.wasm`))).toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    'passes its own test with npm test',
    async () => {
      const { stdout } = await npm(['test']);
      expect(stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+2 passed \(2\)/);
    },
    STEP_TIMEOUT,
  );

  /** Runs `npm ARGS` in the project until it serves, and calls greet with the official client over HTTP. */
  async function greetServed(args: string[], who: string) {
    // Its own process group, so the server under npm stops with it.
    const server = spawn('npm', args, { cwd: project, env: userEnv, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    const client = new Client({ name: 'npm-first-minute', version: '1.0.0' });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(await announcedUrl(server))));
      return { tools: (await client.listTools()).tools.map((t) => t.name), result: await client.callTool({ name: 'greet', arguments: { name: who } }) };
    } finally {
      await client.close();
      process.kill(-server.pid!, 'SIGTERM');
    }
  }

  it(
    'serves its tool to the official SDK client with npm run serve',
    async () => {
      expect(await greetServed(['run', 'serve', '--', '--port', '0'], 'Grace')).toEqual({
        tools: ['greet'],
        result: { content: [{ type: 'text', text: 'Hello, Grace!' }] },
      });
    },
    STEP_TIMEOUT,
  );

  it(
    'serves the draft2 (Spin) variant from the published framework, whose pieces without wasi:keyvalue ship as their draft bytes',
    async () => {
      const args = ['exec', '--', 'wasmcp-ts', 'serve', '--variant', 'draft2', '--kv', 'memory', '--workers', '1', '--port', '0', `dist/draft2/${NAME}-d2.wasm`];
      expect((await greetServed(args, 'Ada')).result).toEqual({ content: [{ type: 'text', text: 'Hello, Ada!' }] });
    },
    STEP_TIMEOUT,
  );

  it(
    'type-checks against the published declarations with npm run typecheck',
    async () => {
      await npm(['run', 'typecheck']);
    },
    STEP_TIMEOUT,
  );

  it(
    'builds one complete stdio server from the published pieces, which wasmcp-ts stdio runs',
    async () => {
      await npm(['exec', '--', 'wasmcp-ts', 'build', '--server', '--transport', 'stdio']);
      const server = join(project, 'dist', 'draft', `${NAME}-server.wasm`);
      const cli = join(project, 'node_modules', '@wasmcp-ts', 'runtime', 'dist', 'cli.js');
      const client = new Client({ name: 'npm-first-minute-stdio', version: '1.0.0' });
      await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, 'stdio', server], cwd: project, stderr: 'pipe' }));
      try {
        expect(await client.callTool({ name: 'greet', arguments: { name: 'Ada' } })).toEqual({ content: [{ type: 'text', text: 'Hello, Ada!' }] });
      } finally {
        await client.close();
      }
    },
    STEP_TIMEOUT,
  );
});
