// Turns what a user names on the command line into component files: a file path as it is,
// `oci://REGISTRY/REPOSITORY:TAG`, `namespace:name@version` through the config's namespaces,
// or an alias from the config; registry artifacts are pulled into the blob cache.
import { existsSync } from 'node:fs';
import type { BlobCache } from './blob-cache.js';
import type { RegistryCredentials } from './credentials.js';
import { pullComponent } from './pull.js';
import { OCI_SCHEME, parseOciReference } from './reference.js';
import { defaultConfigPath, type RegistryConfig } from './registry-config.js';

export interface ResolveContext {
  config: RegistryConfig;
  credentials?: RegistryCredentials;
  cache?: BlobCache;
}

const PACKAGE_REFERENCE = /^([a-z][a-z0-9-]*):([a-z][a-z0-9-]*)@([0-9A-Za-z._-]+)$/;

/** The local file of a component reference, pulling it when it lives in a registry. */
export async function resolveComponentFile(spec: string, context: ResolveContext): Promise<string> {
  if (existsSync(spec)) return spec;
  const alias = context.config.aliases[spec];
  const target = alias ?? spec;
  if (alias !== undefined && existsSync(alias)) return alias;
  if (target.startsWith(OCI_SCHEME)) return (await pullComponent(parseOciReference(target), context)).path;
  const pkg = PACKAGE_REFERENCE.exec(target);
  if (pkg) {
    const [, namespace, name, version] = pkg;
    const prefix = context.config.namespaces[namespace];
    if (!prefix) throw new Error(`no registry for namespace ${namespace} of ${target}: add \`${namespace} = "REGISTRY/PATH"\` under [namespaces] in ${defaultConfigPath()}`);
    return (await pullComponent(parseOciReference(`${prefix}/${name}:${version}`), context)).path;
  }
  if (alias !== undefined) throw new Error(`alias ${spec} names ${JSON.stringify(alias)}, which is no file, oci:// reference or namespace:name@version`);
  throw new Error(`no such component: ${spec} (not a file, an oci:// reference, a namespace:name@version or an alias of the config)`);
}

/** The reference of framework component `artifact` (NAME or NAME-d2) in the `oci://REGISTRY/PATH` it was released to. */
export function frameworkReference(source: string, artifact: string, version: string): string {
  if (!source.startsWith(OCI_SCHEME)) throw new Error(`the framework source must be oci://REGISTRY/PATH, got ${JSON.stringify(source)}`);
  return `${source.replace(/\/+$/, '')}/${artifact}:${version}`;
}
