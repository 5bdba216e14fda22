// A stdio server as a child process, driven line by line: what a client spawning
// `wasmcp-ts stdio` sees. Every stdout line must be a JSON-RPC message; a line that is not
// fails the test that reads it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export const LAUNCH = join(__dirname, 'launch.mjs');
export const FAKE_CHAIN_LAUNCH = join(__dirname, 'fake-chain-launch.mjs');

const WAIT_MS = 60_000;

export interface Message {
  jsonrpc: '2.0';
  id?: string | number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
}

export class StdioProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every stdout line so far, as written. */
  readonly stdoutLines: string[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  #partial = '';
  #read = 0;
  #waiter: (() => void) | undefined;

  constructor(script: string, args: string[], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (text: string) => {
      const lines = (this.#partial + text).split('\n');
      this.#partial = lines.pop() ?? '';
      this.stdoutLines.push(...lines);
      this.#waiter?.();
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (text: string) => (this.stderr += text));
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** Writes raw text to the server's stdin. */
  write(text: string | Uint8Array): void {
    this.child.stdin.write(text);
  }

  send(message: object): void {
    this.write(`${JSON.stringify(message)}\n`);
  }

  /** The next stdout line, parsed; fails if it is not JSON or does not come in time. */
  async next(): Promise<Message> {
    const deadline = Date.now() + WAIT_MS;
    while (this.#read >= this.stdoutLines.length) {
      if (this.child.exitCode !== null) throw new Error(`server exited (${this.child.exitCode}) while a line was awaited; stderr:\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`no stdout line within ${WAIT_MS} ms; stderr:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.#waiter = resolve;
        setTimeout(resolve, 100);
      });
    }
    const line = this.stdoutLines[this.#read++];
    return JSON.parse(line) as Message;
  }

  /** Sends a request and returns the next line (its answer, when the chain sent nothing else). */
  async request(id: number | string, method: string, params?: object): Promise<Message> {
    this.send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    return this.next();
  }

  async initialize(protocolVersion = '2025-11-25'): Promise<Message> {
    const answer = await this.request('init', 'initialize', { protocolVersion, capabilities: {}, clientInfo: { name: 'raw-test', version: '1' } });
    this.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    return answer;
  }

  /** Closes stdin (EOF) and waits for the exit status. */
  async end(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }

  /** stdout lines not yet read, plus any unterminated tail. */
  unread(): string[] {
    return [...this.stdoutLines.slice(this.#read), ...(this.#partial ? [this.#partial] : [])];
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
