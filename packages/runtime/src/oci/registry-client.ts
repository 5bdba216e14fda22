// The OCI distribution protocol, as far as wasm artifacts need it: manifests and blobs by digest,
// monolithic blob uploads, and the registry's auth handshake (Basic, or a Bearer token fetched
// from the realm its WWW-Authenticate challenge names, scoped per repository).
import type { RegistryCredentials } from './credentials.js';
import { DigestMismatchError, sha256Digest, verifyDigest } from './digest.js';
import { registryBaseUrl, SHA256_DIGEST } from './reference.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const MANIFEST_TYPES = [
  OCI_MANIFEST,
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface FetchedManifest {
  bytes: Buffer;
  digest: string;
  mediaType: string;
}

type Access = 'pull' | 'push';

interface RequestOptions {
  repository: string;
  access: Access;
  headers?: Record<string, string>;
  body?: Buffer;
}

export class RegistryClient {
  readonly baseUrl: string;
  /** Authorization header values by token scope; '' holds Basic auth, which covers every scope. */
  private readonly authorizations = new Map<string, string>();

  constructor(
    readonly registry: string,
    private readonly credentials?: RegistryCredentials,
  ) {
    this.baseUrl = registryBaseUrl(registry);
  }

  /** The manifest `reference` (a tag or a digest) names, checked against its digest. */
  async getManifest(repository: string, reference: string): Promise<FetchedManifest> {
    const res = await this.request('GET', this.url(repository, 'manifests', reference), { repository, access: 'pull', headers: { accept: MANIFEST_TYPES.join(', ') } });
    if (res.status === 404) throw new RegistryError(`${this.registry}/${repository}:${reference} is not in the registry`, 404);
    await this.expect(res, [200], `fetch the manifest ${repository}:${reference}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const digest = sha256Digest(bytes);
    const what = `the manifest of ${this.registry}/${repository}:${reference}`;
    if (SHA256_DIGEST.test(reference) && digest !== reference) throw new DigestMismatchError(what, reference, digest);
    const announced = res.headers.get('docker-content-digest');
    if (announced && SHA256_DIGEST.test(announced) && announced !== digest) throw new DigestMismatchError(what, announced, digest);
    return { bytes, digest, mediaType: (res.headers.get('content-type') ?? '').split(';')[0].trim() };
  }

  /** The digest of the manifest `reference` names, or undefined when there is none. */
  async manifestDigest(repository: string, reference: string): Promise<string | undefined> {
    const res = await this.request('HEAD', this.url(repository, 'manifests', reference), { repository, access: 'pull', headers: { accept: MANIFEST_TYPES.join(', ') } });
    if (res.status === 404) return undefined;
    await this.expect(res, [200], `look up ${repository}:${reference}`);
    return res.headers.get('docker-content-digest') ?? (await this.getManifest(repository, reference)).digest;
  }

  /** A blob's bytes, checked against its digest. */
  async getBlob(repository: string, digest: string): Promise<Buffer> {
    const res = await this.request('GET', this.url(repository, 'blobs', digest), { repository, access: 'pull' });
    if (res.status === 404) throw new RegistryError(`blob ${digest} is not in ${this.registry}/${repository}`, 404);
    await this.expect(res, [200], `fetch blob ${digest} of ${repository}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    verifyDigest(bytes, digest, `blob ${digest} of ${this.registry}/${repository}`);
    return bytes;
  }

  async hasBlob(repository: string, digest: string): Promise<boolean> {
    const res = await this.request('HEAD', this.url(repository, 'blobs', digest), { repository, access: 'push' });
    if (res.status === 404) return false;
    await this.expect(res, [200], `look up blob ${digest} of ${repository}`);
    return true;
  }

  /** Uploads a blob in one request (skipped when the registry has it already); returns its digest. */
  async pushBlob(repository: string, bytes: Buffer): Promise<string> {
    const digest = sha256Digest(bytes);
    if (await this.hasBlob(repository, digest)) return digest;
    const started = await this.request('POST', `${this.baseUrl}/v2/${repository}/blobs/uploads/`, { repository, access: 'push', headers: { 'content-length': '0' } });
    await this.expect(started, [202], `start an upload to ${repository}`);
    const location = started.headers.get('location');
    if (!location) throw new RegistryError(`${this.registry} started an upload to ${repository} without a Location`);
    const upload = new URL(location, this.baseUrl);
    upload.searchParams.set('digest', digest);
    const done = await this.request('PUT', upload.href, {
      repository,
      access: 'push',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
      body: bytes,
    });
    await this.expect(done, [201], `upload blob ${digest} to ${repository}`);
    return digest;
  }

  /** Stores a manifest under `reference` (a tag); returns its digest. */
  async putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    const res = await this.request('PUT', this.url(repository, 'manifests', reference), { repository, access: 'push', headers: { 'content-type': mediaType }, body: bytes });
    await this.expect(res, [201], `store the manifest ${repository}:${reference}`);
    return sha256Digest(bytes);
  }

  private url(repository: string, kind: 'manifests' | 'blobs', reference: string): string {
    return `${this.baseUrl}/v2/${repository}/${kind}/${reference}`;
  }

  private async request(method: string, url: string, options: RequestOptions): Promise<Response> {
    const scope = `repository:${options.repository}:${options.access === 'push' ? 'pull,push' : 'pull'}`;
    const send = (authorization: string | undefined) =>
      // A Buffer is a Uint8Array, which fetch sends as it is.
      this.fetch(url, { method, headers: { ...options.headers, ...(authorization ? { authorization } : {}) }, body: options.body as Uint8Array<ArrayBuffer> | undefined, redirect: 'follow' });
    const known = this.authorizations.get(scope) ?? this.authorizations.get('');
    const first = await send(known);
    if (first.status !== 401) return this.checkDenied(first, options);
    await first.arrayBuffer();
    const authorization = await this.authorize(first.headers.get('www-authenticate'), scope);
    const second = await send(authorization);
    if (second.status === 401) {
      await second.arrayBuffer();
      throw new RegistryError(`${this.registry} refused the credentials${this.who()} (HTTP 401 for ${options.access} of ${options.repository})`, 401);
    }
    return this.checkDenied(second, options);
  }

  private async checkDenied(res: Response, options: RequestOptions): Promise<Response> {
    if (res.status !== 403) return res;
    throw new RegistryError(`${this.registry} denied ${options.access} access to ${options.repository}${this.who()}: ${await errorText(res)}`, 403);
  }

  /** Answers a 401 challenge: remembers and returns the Authorization header for `scope`. */
  private async authorize(challenge: string | null, scope: string): Promise<string> {
    const parsed = challenge ? parseChallenge(challenge) : undefined;
    if (!parsed) throw new RegistryError(`${this.registry} asked for authentication without a usable challenge (${challenge ?? 'no WWW-Authenticate'})`, 401);
    const basic = this.credentials ? `Basic ${Buffer.from(`${this.credentials.username ?? 'oauth2'}:${this.credentials.secret}`).toString('base64')}` : undefined;
    if (parsed.scheme === 'basic') {
      if (!basic) throw new RegistryError(`${this.registry} requires credentials: set OCI_USERNAME and OCI_PASSWORD (or OCI_TOKEN)`, 401);
      this.authorizations.set('', basic);
      return basic;
    }
    if (parsed.scheme !== 'bearer' || !parsed.params.realm) throw new RegistryError(`${this.registry} asked for an authentication scheme this client does not speak: ${challenge}`, 401);
    const tokenUrl = new URL(parsed.params.realm);
    if (parsed.params.service) tokenUrl.searchParams.set('service', parsed.params.service);
    tokenUrl.searchParams.set('scope', scope);
    const res = await this.fetch(tokenUrl.href, { headers: basic ? { authorization: basic } : {} });
    if (res.status === 401 || res.status === 403) {
      await res.arrayBuffer();
      throw new RegistryError(`${this.registry} refused the credentials${this.who()} (its token service answered HTTP ${res.status})`, 401);
    }
    if (!res.ok) throw new RegistryError(`the token service of ${this.registry} failed: HTTP ${res.status} ${await errorText(res)}`, res.status);
    const body = (await res.json().catch(() => ({}))) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`the token service of ${this.registry} answered without a token`);
    const authorization = `Bearer ${token}`;
    this.authorizations.set(scope, authorization);
    return authorization;
  }

  private who(): string {
    if (!this.credentials) return ' (no credentials given)';
    return this.credentials.username ? ` of user ${JSON.stringify(this.credentials.username)}` : ' (a token)';
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new RegistryError(`cannot reach the registry at ${this.baseUrl}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
    }
  }

  private async expect(res: Response, statuses: number[], action: string): Promise<void> {
    if (statuses.includes(res.status)) return;
    throw new RegistryError(`cannot ${action} on ${this.registry}: HTTP ${res.status} ${await errorText(res)}`, res.status);
  }
}

/** The registry's error document (`{"errors":[{"code","message"}]}`) as one line. */
async function errorText(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const doc = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
    if (doc.errors?.length) return doc.errors.map((e) => `${e.code ?? 'ERROR'}: ${e.message ?? ''}`).join('; ');
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200);
}

/** `Bearer realm="https://x/token",service="x",scope="..."` -> scheme and parameters. */
function parseChallenge(header: string): { scheme: string; params: Record<string, string> } | undefined {
  const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const m of match[2].matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[m[1].toLowerCase()] = (m[2] ?? m[3]).replace(/\\(.)/g, '$1');
  }
  return { scheme: match[1].toLowerCase(), params };
}
