// Where the framework's own components are: the built artifacts of the @wasmcp-ts/* packages.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';

export type FrameworkComponent =
  | 'method-not-found'
  | 'tools-middleware'
  | 'resources-middleware'
  | 'prompts-middleware'
  | 'completions-middleware'
  | 'server-io'
  | 'sessions'
  | 'authorization'
  | 'http-transport'
  | 'stdio-transport';

const require = createRequire(import.meta.url);

export function artifactFileName(name: string, variant: KeyValueVariant): string {
  return variant === 'draft' ? `${name}.wasm` : `${name}-d2.wasm`;
}

export function frameworkArtifact(name: FrameworkComponent, variant: KeyValueVariant): string {
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve(`@wasmcp-ts/${name}/package.json`));
  } catch {
    throw new Error(`framework component ${name} is not installed (package @wasmcp-ts/${name})`);
  }
  const file = join(pkgDir, 'dist', variant, artifactFileName(name, variant));
  if (!existsSync(file)) throw new Error(`framework component ${name} is not built: ${file} is missing (run npm run build)`);
  return file;
}
