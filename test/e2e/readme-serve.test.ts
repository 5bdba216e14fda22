// The README's first command, `npm run serve`, as a newcomer runs it after `npm ci`, on a free
// port instead of 8080: its serving half runs here as npm runs it (through the `wasmcp-ts`
// command npm linked at install), without its build half, which `npm test` has done and which
// must not rewrite artifacts that other tests are reading.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
let child: ChildProcess | undefined;

afterAll(() => {
  // The command runs in a shell of its own: stop the whole process group.
  if (child?.pid) process.kill(-child.pid, 'SIGTERM');
});

it('npm run serve serves the example tools', async () => {
  const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.serve;
  const [build, command] = script.split(' && ');
  expect(build).toBe('npm run build');
  const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}` };
  child = spawn('sh', ['-c', `${command} --port 0`], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const found = /MCP server on (http:\/\/\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    };
    child!.stdout!.on('data', read);
    child!.stderr!.on('data', read);
    child!.on('exit', (code) => reject(new Error(`${command} exited (${code}):\n${output.slice(-2000)}`)));
  });
  const client = new Client({ name: 'readme-serve', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  try {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['add', 'divide', 'uppercase', 'word_count']));
    expect(await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } })).toEqual({ content: [{ type: 'text', text: '5' }] });
  } finally {
    await client.close();
  }
}, 300_000);
