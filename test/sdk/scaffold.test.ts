// `wasmcp-ts new` end to end, in a folder outside the repository: the README shows exactly what
// it writes, the project builds with `npm run build`, its own test passes with `npm test`, and
// `npm run serve` exposes its tool to the official SDK client.
// The project uses this checkout's packages the way `npm link` would (test/support/project.ts).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, linkMonorepoPackages, projectEnv } from '../support/project.js';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const NAME = 'my-tools';
const BUILD_TIMEOUT = 900_000;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
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
    child.once('exit', (code) => reject(new Error(`npm run serve exited with ${code}: ${stderr}`)));
  });
}

describe('wasmcp-ts new', () => {
  let workDir: string;
  let project: string;
  let files: string[];

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
    workDir = await mkdtemp(join(tmpdir(), 'wasmcp-ts-new-'));
    project = join(workDir, NAME);
    await run(process.execPath, [CLI, 'new', NAME], { cwd: workDir });
    files = await filesUnder(project);
    await linkMonorepoPackages(project);
  });
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("writes what the README's first-tool section shows", async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const section = /^## Write your first tool\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
    expect(section, 'README.md has a "## Write your first tool" section').toBeDefined();
    const listed = [...section!.matchAll(/^ {4}my-tools\/(\S+)$/gm)].map((m) => m[1]);
    expect(listed).toEqual(files);
    const shownSource = /```ts\n([\s\S]*?)```/.exec(section!)?.[1];
    expect(shownSource).toBe(await readFile(join(project, 'src', 'component.ts'), 'utf8'));
    const scripts = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')).scripts;
    const commands = [...section!.matchAll(/^npm (?:run )?(\w+)/gm)].map((m) => m[1]).filter((c) => c !== 'install');
    expect(commands).toEqual(['build', 'serve', 'test']);
    for (const command of commands) expect(scripts[command], `package.json has a ${command} script`).toBeDefined();
  });

  it('refuses to write over a folder that is not empty', async () => {
    await expect(run(process.execPath, [CLI, 'new', NAME], { cwd: workDir })).rejects.toMatchObject({ stderr: expect.stringContaining('exists and is not empty') });
  });

  it('type-checks, the SDK included, with npm run typecheck', async () => {
    await run('npm', ['run', 'typecheck'], { cwd: project, env: projectEnv });
  }, 120_000);

  it(
    'builds both variants with npm run build',
    async () => {
      await run('npm', ['run', 'build'], { cwd: project, env: projectEnv });
      expect(existsSync(join(project, 'dist', 'draft', `${NAME}.wasm`))).toBe(true);
      expect(existsSync(join(project, 'dist', 'draft2', `${NAME}-d2.wasm`))).toBe(true);
    },
    BUILD_TIMEOUT,
  );

  it(
    'builds one complete stdio server with wasmcp-ts build --server, which wasmcp-ts stdio runs as it is',
    async () => {
      await run('npx', ['wasmcp-ts', 'build', '--server', '--transport', 'stdio'], { cwd: project, env: projectEnv });
      const server = join(project, 'dist', 'draft', `${NAME}-server.wasm`);
      expect(existsSync(server)).toBe(true);
      // No key-value store without sessions: the draft2 artifact is the same component.
      expect(existsSync(join(project, 'dist', 'draft2', `${NAME}-server-d2.wasm`))).toBe(true);
      const client = new Client({ name: 'scaffold-server-test', version: '1.0.0' });
      await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'stdio', server], stderr: 'pipe' }));
      try {
        expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['greet']);
        expect(await client.callTool({ name: 'greet', arguments: { name: 'Ada' } })).toEqual({ content: [{ type: 'text', text: 'Hello, Ada!' }] });
      } finally {
        await client.close();
      }
    },
    BUILD_TIMEOUT,
  );

  it(
    'passes its own test with npm test',
    async () => {
      const { stdout } = await run('npm', ['test'], { cwd: project, env: projectEnv });
      const plainText = stdout.replace(/\x1b\[[0-9;]*m/g, '');
      expect(plainText).toMatch(/Tests\s+2 passed \(2\)/);
    },
    BUILD_TIMEOUT,
  );

  it(
    'serves its tool to the official SDK client with npm run serve',
    async () => {
      // Its own process group, so the server under npm stops with it.
      const server = spawn('npm', ['run', 'serve', '--', '--port', '0'], {
        cwd: project,
        env: projectEnv,
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const client = new Client({ name: 'scaffold-test', version: '1.0.0' });
      try {
        await client.connect(new StreamableHTTPClientTransport(new URL(await announcedUrl(server))));
        const { tools } = await client.listTools();
        expect(tools.map((t) => t.name)).toEqual(['greet']);
        expect(tools[0]).toMatchObject({ title: 'Greet', inputSchema: { type: 'object', required: ['name'] } });
        expect(await client.callTool({ name: 'greet', arguments: { name: 'Grace' } })).toEqual({ content: [{ type: 'text', text: 'Hello, Grace!' }] });
      } finally {
        await client.close();
        process.kill(-server.pid!, 'SIGTERM');
      }
    },
    BUILD_TIMEOUT,
  );
});
