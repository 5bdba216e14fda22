// Runs the authorization component (behind the sessions component's key-value store) in a
// process of its own, driven by JSON lines on stdin: the component's stderr, where decode's
// reasons go, is then this process's stderr, which the test reads. The JWKS server the
// component calls lives in the test process, which a blocked component call cannot stall.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { compose, MemoryBackend } from '@wasmcp-ts/runtime';

const toJson = (value) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? { $bigint: String(v) } : v instanceof Uint8Array ? { $bytes: [...v] } : v));
const fromJson = (text) => JSON.parse(text, (_k, v) => (v && typeof v === 'object' && '$bigint' in v ? BigInt(v.$bigint) : v && typeof v === 'object' && '$bytes' in v ? Uint8Array.from(v.$bytes) : v));

let keyValue = new MemoryBackend();
let auth;
let helpers;
// Calls of the instances' wasi:random imports, when the test asks to watch them.
let randomCalls = 0;
const countedRandom = {
  getRandomBytes: (len) => (randomCalls++, new Uint8Array(randomBytes(Number(len)))),
  getRandomU64: () => (randomCalls++, randomBytes(8).readBigUInt64LE()),
};

async function run(msg) {
  switch (msg.op) {
    case 'instantiate': {
      if (msg.freshStore) keyValue = new MemoryBackend();
      const wasiOverrides = msg.countRandom ? { 'wasi:random/random': countedRandom } : undefined;
      const chain = await compose({ components: [], services: msg.services, env: msg.env, variant: msg.variant, keyValue, wasiOverrides });
      auth = chain.services.get('wasmcp:mcp-v20251125/server-auth');
      helpers = chain.services.get('wasmcp:auth/helpers');
      return null;
    }
    case 'decode': {
      const started = performance.now();
      try {
        const claims = auth.decode(new TextEncoder().encode(msg.token));
        return { ok: true, claims, ms: performance.now() - started };
      } catch (err) {
        // err() arrives as a ComponentError without payload; a trap would be a RuntimeError.
        if (err instanceof WebAssembly.RuntimeError || !(err instanceof Error && 'payload' in err)) throw err;
        return { ok: false, ms: performance.now() - started };
      }
    }
    case 'authorize':
      return auth.authorize(msg.request, msg.claims, undefined, undefined);
    case 'randomCalls':
      return randomCalls;
    case 'helper':
      return helpers[msg.name](...msg.args);
    default:
      throw new Error(`unknown op ${msg.op}`);
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  const msg = fromJson(line);
  try {
    process.stdout.write(`${toJson({ id: msg.id, value: await run(msg) })}\n`);
  } catch (err) {
    process.stdout.write(`${toJson({ id: msg.id, error: err instanceof Error ? err.message : String(err) })}\n`);
  }
}
