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
