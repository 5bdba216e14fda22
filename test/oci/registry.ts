// OCI test support: a throwaway docker-registry on 127.0.0.1 (started by the project's own
// scripts/services/docker-registry.sh), the publish CLI and the wasmcp-ts CLI as child processes.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const ROOT = join(__dirname, '..', '..');

export interface TestRegistry {
  /** `127.0.0.1:PORT` */
  host: string;
  dir: string;
  /** Where the registry keeps a blob's bytes (to tamper with it). */
  blobFile(digest: string): string;
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startRegistry(auth?: { username: string; password: string }): Promise<TestRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'wasmcp-ts-registry-'));
  const port = await freePort();
  const args = [join(ROOT, 'scripts', 'services', 'docker-registry.sh'), dir, String(port), ...(auth ? [auth.username, auth.password] : [])];
  const pid = await new Promise<number>((resolve, reject) => {
    execFile('bash', args, (err, stdout, stderr) => (err ? reject(new Error(`cannot start the test registry: ${stderr || err.message}`)) : resolve(Number(stdout.trim()))));
  });
  // Should the test process end without stop() (a failed hook), the registry ends with it.
  const orphaned = () => alive(pid) && process.kill(pid, 'SIGTERM');
  process.once('exit', orphaned);
  return {
    host: `127.0.0.1:${port}`,
    dir,
    blobFile: (digest) => {
      const hex = digest.slice('sha256:'.length);
      return join(dir, 'storage', 'docker', 'registry', 'v2', 'blobs', 'sha256', hex.slice(0, 2), hex, 'data');
    },
    async stop() {
      process.off('exit', orphaned);
      process.kill(pid, 'SIGTERM');
      // It is not our child (the script detached it), so poll until it is gone.
      while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Running, and not a zombie waiting for a parent that does not reap it. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run publish:oci -- ARGS` with only the given credentials in its environment. */
export function publishCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return run(process.execPath, [join(ROOT, 'scripts', 'publish', 'cli.mjs'), ...args], env);
}

function run(command: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  const { OCI_USERNAME, OCI_PASSWORD, OCI_TOKEN, GHCR_TOKEN, ...rest } = process.env;
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...rest, ...env }, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

export interface ServeProcess {
  /** The MCP endpoint it announced. */
  mcpUrl: string;
  /** What it has written to stderr so far (its log), for a failing test to show. */
  stderr(): string;
  stop(): Promise<void>;
}

/** `wasmcp-ts serve ARGS` until it announces its URL; rejects with its stderr if it exits first. */
export function serveCli(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'packages', 'runtime', 'dist', 'cli.js'), 'serve', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /MCP server on (\S+)/.exec(stderr)?.[1];
      if (url) resolve({ mcpUrl: url, stderr: () => stderr, stop: () => stopChild(child) });
    });
    child.once('exit', (code) => reject(new Error(`wasmcp-ts serve exited with ${code}: ${stderr}`)));
  });
}

/** `wasmcp-ts stdio ARGS` fed `input` on stdin until it exits. */
export function stdioCli(args: string[], input: string, env: Record<string, string> = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [join(ROOT, 'packages', 'runtime', 'dist', 'cli.js'), 'stdio', ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** `wasmcp-ts compose ARGS` until it exits. */
export function composeCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return run(process.execPath, [join(ROOT, 'packages', 'runtime', 'dist', 'cli.js'), 'compose', ...args], env);
}

/** `wasmcp-ts serve ARGS` expected to fail: its exit code and stderr. */
export function serveCliFailure(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return run(process.execPath, [join(ROOT, 'packages', 'runtime', 'dist', 'cli.js'), 'serve', ...args], env);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Byte equality of two files (vitest's deep equality walks a 20 MB Buffer index by index). */
export async function expectSameFile(actual: string, expected: string): Promise<void> {
  const [a, b] = await Promise.all([readFile(actual), readFile(expected)]);
  expect(a.equals(b), `${actual} has the bytes of ${expected}`).toBe(true);
}
