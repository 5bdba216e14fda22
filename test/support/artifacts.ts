// Paths of built artifacts for tests; a missing one fails with the command that builds it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const VARIANTS = ['draft', 'draft2'] as const;
export type Variant = (typeof VARIANTS)[number];

const root = join(__dirname, '..', '..');

export function artifact(dir: string, name: string, variant: Variant): string {
  const file = join(root, dir, 'dist', variant, variant === 'draft' ? `${name}.wasm` : `${name}-d2.wasm`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  return file;
}

export const example = (name: string, variant: Variant) => artifact(join('examples', name), name, variant);
export const fixture = (name: string, variant: Variant) => artifact(join('test', 'fixtures', name), name, variant);
export const framework = (name: string, variant: Variant) => artifact(join('packages', name), name, variant);

/**
 * How a server under test is built: its components composed by the runtime (`pieces`), or the
 * same modules fused with the framework into one complete server.wasm (`fused`).
 */
export const BUILDS = ['pieces', 'fused'] as const;
export type Build = (typeof BUILDS)[number];
/** Every variant with every build, for describe.each. */
export const VARIANT_BUILDS: [Variant, Build][] = VARIANTS.flatMap((variant) => BUILDS.map((build): [Variant, Build] => [variant, build]));

/** The complete server a package's `wasmcp.server` builds (NAME-server). */
export const fusedServer = (dir: string, name: string, variant: Variant) => artifact(dir, `${name}-server`, variant);
