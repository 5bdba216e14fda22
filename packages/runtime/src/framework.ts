// Where the framework's own components are: the built artifacts of the @wasmcp-ts/* packages,
// or an OCI registry they were released to (then pulled at the runtime's own version).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';
import { credentialsFromEnv } from './oci/credentials.js';
import { pullComponent } from './oci/pull.js';
import { parseOciReference } from './oci/reference.js';
import { frameworkReference } from './oci/resolve.js';

export const FRAMEWORK_COMPONENTS = [
  'method-not-found',
  'tools-middleware',
  'resources-middleware',
  'prompts-middleware',
  'completions-middleware',
  'server-io',
  'sessions',
  'authorization',
  'http-transport',
  'stdio-transport',
  'framework-http',
  'framework-stdio',
] as const;

export type FrameworkComponent = (typeof FRAMEWORK_COMPONENTS)[number];

/** The package holding a framework component: its own, or @wasmcp-ts/framework for the fused ones. */
const packageOf = (name: FrameworkComponent) => (name.startsWith('framework-') ? 'framework' : name);

const require = createRequire(import.meta.url);

export function artifactFileName(name: string, variant: KeyValueVariant): string {
  return variant === 'draft' ? `${name}.wasm` : `${name}-d2.wasm`;
}

export function frameworkArtifact(name: FrameworkComponent, variant: KeyValueVariant): string {
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve(`@wasmcp-ts/${packageOf(name)}/package.json`));
  } catch {
    // The runtime depends on every framework package (their .wasm ship in them): an install that lacks one is broken.
    const pkg = `@wasmcp-ts/${packageOf(name)}`;
    throw new Error(`framework component ${name} is not installed: the package ${pkg} is missing; reinstall @wasmcp-ts/runtime (npm install), which depends on it, or npm install ${pkg}@${runtimeVersion()}`);
  }
  const file = join(pkgDir, 'dist', variant, artifactFileName(name, variant));
  // A component that imports no wasi:keyvalue is the same bytes in both variants: its published
  // package holds the draft file only (scripts/publish/npm-packages.mjs).
  const shared = join(pkgDir, 'dist', 'draft', artifactFileName(name, 'draft'));
  if (!existsSync(file) && variant === 'draft2' && existsSync(shared)) return shared;
  if (!existsSync(file)) throw new Error(`framework component ${name} is not built: ${file} is missing (run npm run build)`);
  return file;
}

/** This package's version: the nearest package.json above this module (in src/ or a dist/ bundle). */
function runtimeVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
}

/** Framework pieces swapped for the user's own files (checked by checkPieceFits first). */
export type Replacements = Partial<Record<FrameworkComponent, string>>;

export type FrameworkBuild = 'pieces' | 'fused';

/** The pieces inside the fused framework (framework-http, framework-stdio). */
const INSIDE_FUSED: FrameworkComponent[] = ['http-transport', 'stdio-transport', 'sessions', 'authorization'];

/**
 * The framework a chain of separate components runs behind, unless chosen: fused (one engine,
 * the chain's pieces in Node), but the separate pieces when one inside the fused framework is
 * swapped for another file, or when the pieces come from a registry (`source`).
 */
export function frameworkBuildFor(chosen: FrameworkBuild | undefined, source: string | undefined, replace: Replacements | undefined): FrameworkBuild {
  if (chosen) return chosen;
  if (source) return 'pieces';
  return INSIDE_FUSED.some((piece) => replace?.[piece]) ? 'pieces' : 'fused';
}

/**
 * The file of a framework component: its replacement when `replace` names one, else the
 * installed package's artifact, or, given `source` (`oci://REGISTRY/PATH`), the artifact
 * released there with the runtime's version, pulled (verified and cached by digest;
 * credentials from OCI_USERNAME/OCI_PASSWORD or OCI_TOKEN).
 */
export async function locateFrameworkComponent(name: FrameworkComponent, variant: KeyValueVariant, source?: string, replace?: Replacements): Promise<string> {
  const replacement = replace?.[name];
  if (replacement) return replacement;
  if (!source) return frameworkArtifact(name, variant);
  const ref = parseOciReference(frameworkComponentReference(name, variant, source));
  try {
    return (await pullComponent(ref, { credentials: credentialsFromEnv() })).path;
  } catch (err) {
    throw new Error(`${(err as Error).message} (framework component ${name} from ${source}; without that registry, leave out --framework ${source}: the runtime serves the framework installed with it)`);
  }
}

/** Where framework component `name` comes from when pulled from `source` (`oci://REGISTRY/PATH`). */
export function frameworkComponentReference(name: FrameworkComponent, variant: KeyValueVariant, source: string): string {
  const artifact = artifactFileName(name, variant).replace(/\.wasm$/, '');
  return frameworkReference(source, artifact, runtimeVersion());
}
