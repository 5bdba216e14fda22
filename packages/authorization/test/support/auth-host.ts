// The test side of component-host.mjs: one child process hosting the authorization component,
// and the lines it wrote to stderr (decode's rejection reasons).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { JwtClaims } from '@wasmcp-ts/protocol/wit/wasmcp-auth-types.js';
import type { ClientMessage } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import { framework, type Variant } from '../../../../test/support/artifacts.js';

const toJson = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? { $bigint: String(v) } : v));
const fromJson = (text: string) => JSON.parse(text, (_k, v) => (v && typeof v === 'object' && '$bigint' in v ? BigInt(v.$bigint) : v));

export type Decoded = { ok: true; claims: JwtClaims; ms: number } | { ok: false; reason: string; detail: string; ms: number };

/** What the component logs for a rejected token: "token <first 12 hex of sha256> rejected (<reason>): <detail>". */
export const fingerprint = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 12);

export class AuthHost {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly stderr: string[] = [];
  #nextId = 1;

  constructor(readonly variant: Variant) {
    this.#child = spawn(process.execPath, [join(__dirname, 'component-host.mjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.#child.stdout }).on('line', (line) => {
      const { id, value, error } = fromJson(line);
      const waiter = this.#pending.get(id);
      this.#pending.delete(id);
      if (error !== undefined) waiter?.reject(new Error(error));
      else waiter?.resolve(value);
    });
    createInterface({ input: this.#child.stderr }).on('line', (line) => this.stderr.push(line));
    this.#child.on('exit', (code) => {
      for (const waiter of this.#pending.values()) waiter.reject(new Error(`component host exited with ${code}: ${this.stderr.slice(-5).join('\n')}`));
    });
  }

  #call<T>(op: string, fields: Record<string, unknown> = {}): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#child.stdin.write(`${toJson({ id, op, ...fields })}\n`);
    });
  }

  /** Fresh instances of sessions + authorization with this environment; the key-value store is kept unless freshStore. */
  instantiate(env: Record<string, string>, options: { freshStore?: boolean; countRandom?: boolean } = {}): Promise<void> {
    const services = [framework('sessions', this.variant), framework('authorization', this.variant)];
    return this.#call('instantiate', { env, services, variant: this.variant, freshStore: options.freshStore ?? false, countRandom: options.countRandom ?? false });
  }

  /** How often the instances called wasi:random since the host started (with countRandom). */
  randomCalls(): Promise<number> {
    return this.#call('randomCalls');
  }

  async decode(token: string): Promise<Decoded> {
    // Two tests can sign the same token within one second, so only lines written after this call count.
    const linesBefore = this.stderr.length;
    const result = await this.#call<{ ok: boolean; claims?: JwtClaims; ms: number }>('decode', { token });
    if (result.ok) return result as Decoded;
    const line = await this.#logLine(`token ${fingerprint(token)} rejected`, linesBefore);
    const match = /rejected \(([a-z-]+)\): (.*)$/.exec(line);
    return { ok: false, reason: match?.[1] ?? 'unparsed', detail: match?.[2] ?? line, ms: result.ms };
  }

  authorize(request: ClientMessage, claims: JwtClaims): Promise<boolean> {
    return this.#call('authorize', { request, claims });
  }

  helper<T>(name: string, ...args: unknown[]): Promise<T> {
    return this.#call('helper', { name, args });
  }

  /** The first stderr line from index `from` on containing `text` (the component's stderr reaches us asynchronously). */
  async #logLine(text: string, from: number): Promise<string> {
    for (let waited = 0; waited < 5000; waited += 10) {
      const line = this.stderr.slice(from).find((l) => l.includes(text));
      if (line) return line;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no stderr line with "${text}"; stderr was:\n${this.stderr.join('\n')}`);
  }

  close(): void {
    this.#child.kill();
  }
}
