// What a user sees when publishing or pulling goes wrong: a version that exists already, a dry
// run, wrong or missing credentials (a registry with htpasswd auth), a registry that is down,
// and content that does not match its digest.
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobCache } from '../../packages/runtime/src/oci/blob-cache.js';
import { sha256Digest } from '../../packages/runtime/src/oci/digest.js';
import { pullComponent } from '../../packages/runtime/src/oci/pull.js';
import { parseOciReference } from '../../packages/runtime/src/oci/reference.js';
import { RegistryClient } from '../../packages/runtime/src/oci/registry-client.js';
import { example, framework } from '../support/artifacts.js';
import { expectSameFile, freePort, publishCli, ROOT, serveCliFailure, startRegistry, type TestRegistry } from './registry.js';

const NAMESPACE = 'errors';
const USER = { username: 'alice', password: 'correct horse' };
const CREDENTIALS = { OCI_USERNAME: USER.username, OCI_PASSWORD: USER.password };

let registry: TestRegistry;
let scratch: string;
let version: string;
let reference: string;

beforeAll(async () => {
  registry = await startRegistry(USER);
  scratch = await mkdtemp(join(tmpdir(), 'wasmcp-ts-oci-errors-'));
  version = JSON.parse(await readFile(join(ROOT, 'packages', 'method-not-found', 'package.json'), 'utf8')).version;
  reference = `${registry.host}/${NAMESPACE}/method-not-found:${version}`;
});

afterAll(async () => {
  await registry?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const publish = (extra: string[], env: Record<string, string> = CREDENTIALS) =>
  publishCli(['--registry', registry.host, '--namespace', NAMESPACE, '--only', 'method-not-found', ...extra], env);

function pushedManifests(stdout: string): Map<string, string> {
  return new Map([...stdout.matchAll(/^pushed (\S+)\s+manifest (\S+)/gm)].map((m) => [m[1], m[2]]));
}

describe('credentials', () => {
  it('a wrong password is refused with a clear error', async () => {
    const result = await publish([], { OCI_USERNAME: USER.username, OCI_PASSWORD: 'wrong' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`publish: ${registry.host} refused the credentials of user "alice" (HTTP 401 for pull of ${NAMESPACE}/method-not-found)\n`);
  });

  it('no credentials for a registry that wants them says how to give them', async () => {
    const result = await publish([], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${registry.host} requires credentials: set OCI_USERNAME and OCI_PASSWORD (or OCI_TOKEN)`);
  });

  it('the right credentials push, and pulling needs them too', async () => {
    const result = await publish([]);
    expect(result.stderr).toBe('');
    expect([...pushedManifests(result.stdout).keys()]).toEqual([reference, reference.replace('method-not-found:', 'method-not-found-d2:')]);
    const ref = parseOciReference(reference);
    const cache = new BlobCache(join(scratch, 'authed'));
    const pulled = await pullComponent(ref, { cache, credentials: { username: USER.username, secret: USER.password } });
    await expectSameFile(pulled.path, framework('method-not-found', 'draft'));
    await expect(pullComponent(ref, { cache: new BlobCache(join(scratch, 'anonymous')) })).rejects.toThrow(`${registry.host} requires credentials`);
  });
});

describe('versions', () => {
  it('refuses to overwrite a published version, and --force replaces it', async () => {
    const client = new RegistryClient(registry.host, { username: USER.username, secret: USER.password });
    const ref = parseOciReference(reference);
    const before = await client.manifestDigest(ref.repository, ref.tag!);
    expect(before).toBeDefined();

    const refused = await publish([]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refusing to overwrite published versions (use --force to replace them)');
    expect(refused.stderr).toContain(reference);
    expect(await client.manifestDigest(ref.repository, ref.tag!)).toBe(before);

    // `created` differs from the first push, so a replaced manifest has a new digest.
    const forced = await publish(['--force'], { ...CREDENTIALS, SOURCE_DATE_EPOCH: '1700000000' });
    expect(forced.code).toBe(0);
    const replaced = pushedManifests(forced.stdout).get(reference);
    expect(replaced).not.toBe(before);
    expect(await client.manifestDigest(ref.repository, ref.tag!)).toBe(replaced);
  });

  it('--dry-run prints what it would push, with digests, and pushes nothing', async () => {
    const down = `127.0.0.1:${await freePort()}`;
    const result = await publishCli(['--registry', down, '--namespace', 'dry', '--only', 'method-not-found-d2', '--dry-run'], {});
    expect(result.stderr).toBe('');
    const layer = sha256Digest(await readFile(framework('method-not-found', 'draft2')));
    expect(result.stdout).toMatch(new RegExp(`^would push ${down}/dry/method-not-found-d2:${version.replace(/\./g, '\\.')}  manifest sha256:[0-9a-f]{64}  layer ${layer} \\(`));
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.code).toBe(0);
  });
});

describe('a registry that is down', () => {
  it('publishing says it cannot reach it', async () => {
    const down = `127.0.0.1:${await freePort()}`;
    const result = await publishCli(['--registry', down, '--namespace', NAMESPACE, '--only', 'method-not-found'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`publish: cannot reach the registry at http://${down}: ECONNREFUSED\n`);
  });

  it('serving a component from it says it cannot reach it', async () => {
    const down = `127.0.0.1:${await freePort()}`;
    const result = await serveCliFailure(['--port', '0', `oci://${down}/${NAMESPACE}/calculator:${version}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`wasmcp-ts: cannot reach the registry at http://${down}: ECONNREFUSED\n`);
  });

  it('serving its framework says what to do without it', async () => {
    const down = `127.0.0.1:${await freePort()}`;
    const result = await serveCliFailure(['--port', '0', '--framework', `oci://${down}/${NAMESPACE}`, example('calculator', 'draft')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot reach the registry at http://${down}: ECONNREFUSED`);
    expect(result.stderr).toContain(`leave out --framework oci://${down}/${NAMESPACE}: the runtime serves the framework installed with it`);
  });
});

describe('digests', () => {
  it('a tampered blob in the registry fails the pull with a digest mismatch', async () => {
    const credentials = { username: USER.username, secret: USER.password };
    const ref = parseOciReference(reference);
    const client = new RegistryClient(registry.host, credentials);
    const manifest = JSON.parse((await client.getManifest(ref.repository, ref.tag!)).bytes.toString('utf8'));
    const layer: string = manifest.layers[0].digest;
    const stored = await readFile(registry.blobFile(layer));
    stored[stored.length - 1] ^= 0xff;
    await writeFile(registry.blobFile(layer), stored);
    try {
      const cache = new BlobCache(join(scratch, 'tampered'));
      await expect(pullComponent(ref, { cache, credentials })).rejects.toThrow(
        `digest mismatch for blob ${layer} of ${registry.host}/${ref.repository}: expected ${layer}, got ${sha256Digest(stored)} (the registry served altered content)`,
      );
      // Nothing unverified reaches the cache.
      expect(await cache.lookup(layer)).toBeUndefined();
    } finally {
      stored[stored.length - 1] ^= 0xff;
      await writeFile(registry.blobFile(layer), stored);
    }
  });

  it('a damaged cache entry is fetched again rather than used', async () => {
    const credentials = { username: USER.username, secret: USER.password };
    const cache = new BlobCache(join(scratch, 'damaged'));
    const first = await pullComponent(parseOciReference(reference), { cache, credentials });
    await writeFile(first.path, 'not the component');
    const second = await pullComponent(parseOciReference(reference), { cache, credentials });
    await expectSameFile(second.path, framework('method-not-found', 'draft'));
  });
});
