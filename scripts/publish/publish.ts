// Publishes release artifacts to an OCI registry as REGISTRY/NAMESPACE/NAME:VERSION, refusing
// to replace a version that is already there unless forced.
import { readFile } from 'node:fs/promises';
import type { RegistryCredentials } from '../../packages/runtime/src/oci/credentials.js';
import { formatOciReference, parseOciReference, type OciReference } from '../../packages/runtime/src/oci/reference.js';
import { OCI_MANIFEST, RegistryClient } from '../../packages/runtime/src/oci/registry-client.js';
import { releaseArtifacts, type Artifact } from './artifacts.js';
import { componentWorld } from './component-world.js';
import { wasmArtifact, type BuiltArtifact } from './oci-artifact.js';
import { encodeWitPackage } from './wit-package.js';

export interface PublishOptions {
  /** Repository root. */
  root: string;
  registry: string;
  /** Path under the registry, e.g. the GitHub organisation. */
  namespace: string;
  credentials?: RegistryCredentials;
  /** Artifact names to publish (default all). */
  only?: string[];
  force: boolean;
  /** Build and print, contact no registry. */
  dryRun: boolean;
  source?: string;
  /** RFC 3339 release time for `created`. */
  created: string;
  log: (line: string) => void;
}

export interface PublishedArtifact {
  reference: string;
  manifestDigest: string;
  layerDigest: string;
  size: number;
}

export async function publish(options: PublishOptions): Promise<PublishedArtifact[]> {
  const artifacts = await releaseArtifacts(options.root, options.only);
  const targets = artifacts.map((artifact) => ({ artifact, ref: parseOciReference(`${options.registry}/${options.namespace}/${artifact.name}:${artifact.version}`) }));
  const client = options.dryRun ? undefined : new RegistryClient(options.registry, options.credentials);

  if (client && !options.force) {
    const existing: string[] = [];
    for (const { ref } of targets) if (await client.manifestDigest(ref.repository, ref.tag!)) existing.push(formatOciReference(ref));
    if (existing.length) throw new Error(`refusing to overwrite published versions (use --force to replace them): ${existing.join(', ')}`);
  }

  const published: PublishedArtifact[] = [];
  for (const { artifact, ref } of targets) {
    const built = await build(artifact, options);
    const result = { reference: formatOciReference(ref), manifestDigest: built.manifestDigest, layerDigest: built.layerDigest, size: built.layer.length };
    if (client) await push(client, ref, built);
    options.log(`${client ? 'pushed' : 'would push'} ${result.reference}  manifest ${result.manifestDigest}  layer ${result.layerDigest} (${size(result.size)})`);
    published.push(result);
  }
  return published;
}

async function build(artifact: Artifact, options: PublishOptions): Promise<BuiltArtifact> {
  const meta = { title: artifact.name, version: artifact.version, description: artifact.description, licenses: artifact.license, source: options.source, created: options.created };
  if (artifact.kind === 'component') {
    const binary = await readFile(artifact.file);
    let world;
    try {
      world = await componentWorld(binary);
    } catch (err) {
      throw new Error(`${artifact.file}: ${(err as Error).message}`);
    }
    return wasmArtifact(binary, world, meta);
  }
  const encoded = await encodeWitPackage(artifact.source, artifact.deps);
  return wasmArtifact(encoded.bytes, { imports: [], exports: encoded.exports }, meta);
}

async function push(client: RegistryClient, ref: OciReference, built: BuiltArtifact): Promise<void> {
  await client.pushBlob(ref.repository, built.layer);
  await client.pushBlob(ref.repository, built.config);
  await client.putManifest(ref.repository, ref.tag!, built.manifest, OCI_MANIFEST);
}

function size(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}
