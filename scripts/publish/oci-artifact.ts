// The OCI layout of a wasm artifact that `wkg` and the wasmcp CLI read (the CNCF TAG Runtime
// "Wasm OCI Artifact" layout): an image manifest whose config is
// `application/vnd.wasm.config.v0+json` and whose one layer is the `application/wasm` binary.
import { sha256Digest } from '../../packages/runtime/src/oci/digest.js';
import { WASM_CONFIG, WASM_LAYER } from '../../packages/runtime/src/oci/pull.js';
import { OCI_MANIFEST } from '../../packages/runtime/src/oci/registry-client.js';

export interface ArtifactMetadata {
  /** Artifact name (`http-transport-d2`): the manifest's title; the layer's is NAME.wasm. */
  title: string;
  version: string;
  description?: string;
  licenses?: string;
  /** URL of the source repository. */
  source?: string;
  /** RFC 3339 time of the release. */
  created: string;
}

export interface BuiltArtifact {
  manifest: Buffer;
  manifestDigest: string;
  config: Buffer;
  layer: Buffer;
  layerDigest: string;
}

/** The manifest, config and layer of one artifact; `world` is what the binary imports and exports. */
export function wasmArtifact(binary: Uint8Array, world: { imports: string[]; exports: string[] }, meta: ArtifactMetadata): BuiltArtifact {
  const layer = Buffer.from(binary);
  const layerDigest = sha256Digest(layer);
  const config = Buffer.from(
    JSON.stringify({
      created: meta.created,
      architecture: 'wasm',
      os: 'wasip2',
      layerDigests: [layerDigest],
      // A component binary does not name its world (it decodes as `root`), so no target.
      component: { exports: world.exports, imports: world.imports, target: null },
    }),
  );
  const annotations: Record<string, string> = {
    'org.opencontainers.image.title': meta.title,
    'org.opencontainers.image.version': meta.version,
    'org.opencontainers.image.created': meta.created,
  };
  if (meta.description) annotations['org.opencontainers.image.description'] = meta.description;
  if (meta.licenses) annotations['org.opencontainers.image.licenses'] = meta.licenses;
  if (meta.source) annotations['org.opencontainers.image.source'] = meta.source;
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: WASM_CONFIG, digest: sha256Digest(config), size: config.length },
      layers: [{ mediaType: WASM_LAYER, digest: layerDigest, size: layer.length, annotations: { 'org.opencontainers.image.title': `${meta.title}.wasm` } }],
      annotations,
    }),
  );
  return { manifest, manifestDigest: sha256Digest(manifest), config, layer, layerDigest };
}
