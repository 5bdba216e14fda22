// Turns what a user names on the command line into component files: a file path as it is,
// `oci://REGISTRY/REPOSITORY:TAG`, `namespace:name@version` through the config's namespaces,
// or an alias from the config (followed to what it names); registry artifacts are pulled into
// the blob cache.
import { existsSync } from 'node:fs';
import { PACKAGE_REFERENCE, singleComponent } from '../registry/expand.js';
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

/** The local file of a component reference, pulling it when it lives in a registry. */
export async function resolveComponentFile(spec: string, context: ResolveContext): Promise<string> {
  const target = singleComponent(spec, context.config);
  if (existsSync(target)) return target;
  if (target.startsWith(OCI_SCHEME)) return (await pullComponent(parseOciReference(target), context)).path;
  const pkg = PACKAGE_REFERENCE.exec(target);
  if (pkg) {
    const [, namespace, name, version] = pkg;
    const prefix = context.config.namespaces[namespace];
    if (!prefix) throw new Error(`no registry for namespace ${namespace} of ${target}: add \`${namespace} = "REGISTRY/PATH"\` under [namespaces] in ${defaultConfigPath()}`);
    return (await pullComponent(parseOciReference(`${prefix}/${name}:${version}`), context)).path;
  }
  throw new Error(`no such component: ${spec} (not a file, an oci:// reference, a namespace:name@version, or an alias or profile of the config)`);
}

/** The reference of framework component `artifact` (NAME or NAME-d2) in the `oci://REGISTRY/PATH` it was released to. */
export function frameworkReference(source: string, artifact: string, version: string): string {
  if (!source.startsWith(OCI_SCHEME)) throw new Error(`the framework source must be oci://REGISTRY/PATH, got ${JSON.stringify(source)}`);
  return `${source.replace(/\/+$/, '')}/${artifact}:${version}`;
}
