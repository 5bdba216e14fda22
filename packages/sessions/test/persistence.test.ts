// Sessions outlive the runtime process: a session created here is valid, with its data, in a
// second process on the same SQLite file or the same Redis, and what that process wrote is
// seen here.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createKeyValueBackend, type KeyValueSpec } from '@wasmcp-ts/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisInstance } from '../../../scripts/services/redis.mjs';
import { framework, VARIANTS } from '../../../test/support/artifacts.js';
import { backendSpec, removeStoreFiles, sessionsHost } from './support/sessions-host.js';

const run = promisify(execFile);
const BUCKET = 'default';

let redis: RedisInstance;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.close();
  removeStoreFiles();
});

async function secondProcess(input: { variant: string; keyValue: KeyValueSpec; sessionId: string }) {
  const artifact = framework('sessions', input.variant as (typeof VARIANTS)[number]);
  const { stdout } = await run(process.execPath, [join(__dirname, 'support', 'session-process.mjs'), JSON.stringify({ ...input, artifact, bucket: BUCKET })], {
    timeout: 60_000,
  });
  return JSON.parse(stdout) as {
    valid: boolean;
    seen: { tag: string; val: string };
    pid: number;
    created: string;
  };
}

describe.each(VARIANTS.flatMap((variant) => (['sqlite', 'redis'] as const).map((kind) => [variant, kind] as const)))(
  'sessions across processes (%s, %s)',
  (variant, kind) => {
    it('a session created here is valid with its data in a second process, and the other way round', async () => {
      const spec = backendSpec(kind, redis.url);
      const keyValue = createKeyValueBackend(spec);
      try {
        const host = await sessionsHost(variant, { keyValue });
        const id = host.manager.initialize(BUCKET);
        host.Session.open(id, BUCKET).set('from-first', { tag: 'as-string', val: 'hello from the first process' });

        const second = await secondProcess({ variant, keyValue: spec, sessionId: id });
        expect(second.pid).not.toBe(process.pid);
        expect(second.valid).toBe(true);
        expect(second.seen).toEqual({ tag: 'as-string', val: 'hello from the first process' });

        expect(host.Session.open(id, BUCKET).get('from-second')).toEqual({ tag: 'as-u64', val: BigInt(second.pid) });
        expect(host.manager.validate(second.created, BUCKET)).toBe(true);
      } finally {
        keyValue.close();
      }
    });
  },
);
