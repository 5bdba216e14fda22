// A real npm registry on 127.0.0.1: Verdaccio (a devDependency), with a temporary config.
// Our @wasmcp-ts packages live only in it (published by the test); every other package is
// proxied from the public npm registry and kept in a storage folder that outlives the test,
// so only the first run on a machine downloads them.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

export interface Registry {
  url: string;
  /** A token of a user allowed to publish. */
  token: string;
  stop(): Promise<void>;
}

const STORAGE = join(tmpdir(), 'wasmcp-ts-verdaccio-storage');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, attempt: () => Promise<T | undefined>, child: ChildProcess, log: () => string): Promise<T> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}: ${log()}`);
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`verdaccio: ${what} did not happen within 60 s: ${log()}`);
}

export async function startVerdaccio(workDir: string): Promise<Registry> {
  // Packages published by an earlier run would refuse this run's publish of the same version.
  rmSync(join(STORAGE, '@wasmcp-ts'), { recursive: true, force: true });
  await mkdir(STORAGE, { recursive: true });
  await mkdir(workDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(workDir, 'config.yaml');
  await writeFile(
    config,
    [
      `storage: ${JSON.stringify(STORAGE)}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(workDir, 'htpasswd'))}`,
      'uplinks:',
      '  npmjs:',
      '    url: https://registry.npmjs.org/',
      '    timeout: 120s',
      'packages:',
      "  '@wasmcp-ts/*':",
      '    access: $all',
      '    publish: $authenticated',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      '    proxy: npmjs',
      // The components' .wasm make packages of tens of MB.
      'max_body_size: 1gb',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('verdaccio/package.json');
  const { bin: binField } = require(pkgFile) as { bin: string | Record<string, string> };
  const bin = join(dirname(pkgFile), typeof binField === 'string' ? binField : binField.verdaccio);
  const child = spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await until('answering /-/ping', async () => ((await fetch(`${url}-/ping`)).ok ? true : undefined), child, () => output);
    const token = await until(
      'adding the publishing user',
      async () => {
        const res = await fetch(`${url}-/user/org.couchdb.user:wasmcp-ts`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'wasmcp-ts', password: 'wasmcp-ts-test' }),
        });
        return res.ok ? ((await res.json()) as { token: string }).token : undefined;
      },
      child,
      () => output,
    );
    return { url, token, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
