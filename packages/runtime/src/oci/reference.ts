// OCI references as users write them: `oci://REGISTRY/REPOSITORY:TAG` or `...@sha256:HEX`
// (the part after `oci://` is also what `docker pull` and `wkg oci pull` take).
export const OCI_SCHEME = 'oci://';

export interface OciReference {
  /** Host with an optional port, e.g. `ghcr.io` or `127.0.0.1:5000`. */
  registry: string;
  /** Path inside the registry, e.g. `wasmcp-ts/http-transport`. */
  repository: string;
  tag?: string;
  /** `sha256:` + 64 hex digits; when given, the manifest must have exactly this digest. */
  digest?: string;
}

// The grammar of the OCI distribution spec (repository path components, tags) and of sha256 digests.
const REPOSITORY = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
export const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;
const REGISTRY = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])(?::[0-9]{1,5})?$/;

/** Parses `oci://registry/repository:tag` (the `oci://` prefix is optional here). */
export function parseOciReference(text: string): OciReference {
  const body = text.startsWith(OCI_SCHEME) ? text.slice(OCI_SCHEME.length) : text;
  const bad = (why: string) => new Error(`bad OCI reference ${JSON.stringify(text)}: ${why} (expected oci://REGISTRY/REPOSITORY:TAG or oci://REGISTRY/REPOSITORY@sha256:DIGEST)`);
  const slash = body.indexOf('/');
  if (slash <= 0) throw bad('no registry host');
  const registry = body.slice(0, slash);
  if (!REGISTRY.test(registry)) throw bad(`${JSON.stringify(registry)} is not a registry host`);
  let rest = body.slice(slash + 1);
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!SHA256_DIGEST.test(digest)) throw bad(`${JSON.stringify(digest)} is not a sha256 digest`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw bad(`${JSON.stringify(tag)} is not a tag`);
  }
  if (!REPOSITORY.test(rest)) throw bad(`${JSON.stringify(rest)} is not a repository name`);
  if (!tag && !digest) throw bad('no tag or digest');
  return { registry, repository: rest, tag, digest };
}

/** `registry/repository:tag@digest`, the form `docker` and `wkg` print. */
export function formatOciReference(ref: OciReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/** Registries on this machine speak plain HTTP (as `docker` allows for localhost); all others HTTPS. */
export function registryBaseUrl(registry: string): string {
  const host = registry.replace(/:[0-9]+$/, '');
  const loopback = LOOPBACK_HOSTS.has(host) || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(host);
  return `${loopback ? 'http' : 'https'}://${registry}`;
}
