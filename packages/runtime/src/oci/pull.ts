// Pulls a wasm component artifact (the layout `wkg` and wasmcp publish: an OCI image manifest
// with one `application/wasm` layer) to a local file, verified and cached by digest.
import type { RegistryCredentials } from './credentials.js';
import { BlobCache } from './blob-cache.js';
import { formatOciReference, type OciReference } from './reference.js';
import { OCI_MANIFEST, RegistryClient } from './registry-client.js';

export const WASM_LAYER = 'application/wasm';
export const WASM_CONFIG = 'application/vnd.wasm.config.v0+json';

export interface PullOptions {
  credentials?: RegistryCredentials;
  cache?: BlobCache;
}

export interface PulledComponent {
  /** The cached component file. */
  path: string;
  /** Digest of the component bytes (the layer). */
  digest: string;
  manifestDigest: string;
}

interface ImageManifest {
  mediaType?: string;
  config?: { mediaType?: string };
  layers?: { mediaType?: string; digest?: string; size?: number }[];
}

export async function pullComponent(ref: OciReference, options: PullOptions = {}): Promise<PulledComponent> {
  const client = new RegistryClient(ref.registry, options.credentials);
  const cache = options.cache ?? new BlobCache();
  const name = formatOciReference(ref);
  const manifest = await client.getManifest(ref.repository, ref.digest ?? ref.tag!);
  const layer = wasmLayer(JSON.parse(manifest.bytes.toString('utf8')) as ImageManifest, name);
  const path = (await cache.lookup(layer.digest)) ?? (await cache.store(layer.digest, await client.getBlob(ref.repository, layer.digest)));
  return { path, digest: layer.digest, manifestDigest: manifest.digest };
}

function wasmLayer(manifest: ImageManifest, name: string): { digest: string } {
  const mediaType = manifest.mediaType ?? OCI_MANIFEST;
  if (mediaType !== OCI_MANIFEST) throw new Error(`${name} is not a wasm artifact: its manifest is ${mediaType}, not ${OCI_MANIFEST}`);
  const layers = (manifest.layers ?? []).filter((l) => l.mediaType === WASM_LAYER);
  if (layers.length !== 1 || !layers[0].digest) {
    throw new Error(`${name} is not a wasm artifact: it needs exactly one ${WASM_LAYER} layer, it has ${layers.length}`);
  }
  return { digest: layers[0].digest };
}
