// What a release publishes: both variants of every component package (a package of packages/*
// or examples/* that scripts/build.mjs builds) and the root WIT packages, each with its own version.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { plannedArtifacts } from '../../packages/runtime/src/fused-build.mjs';
import { join } from 'node:path';
import { readWitPackage, type WitPackageSource } from './wit-package.js';

export interface ArtifactInfo {
  /** The repository name under the namespace, e.g. `http-transport-d2` or `mcp-v20251125`. */
  name: string;
  version: string;
  description?: string;
  license?: string;
}

export interface ComponentArtifact extends ArtifactInfo {
  kind: 'component';
  file: string;
}

export interface WitArtifact extends ArtifactInfo {
  kind: 'wit';
  source: WitPackageSource;
  /** Folders of the packages it uses (wit/deps/* and the other root packages). */
  deps: string[];
}

export type Artifact = ComponentArtifact | WitArtifact;

const COMPONENT_DIRS = ['packages', 'examples'];
const WIT_PACKAGES = ['mcp', 'keyvalue', 'auth'];

interface PackageJson {
  name: string;
  version: string;
  description?: string;
  license?: string;
  scripts?: { build?: string };
}

/**
 * The artifacts of the repository at `root`; `only` picks some by name (a component's name
 * stands for both its variants). A picked component that is not built is an error.
 */
export async function releaseArtifacts(root: string, only?: string[]): Promise<Artifact[]> {
  const rootPkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as PackageJson;
  const candidates: { names: string[]; load: () => Promise<Artifact[]> }[] = [];

  for (const parent of COMPONENT_DIRS) {
    const dirs = existsSync(join(root, parent)) ? (await readdir(join(root, parent))).sort() : [];
    for (const dir of dirs.map((d) => join(root, parent, d))) {
      if (!existsSync(join(dir, 'package.json'))) continue;
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (!pkg.scripts?.build?.includes('scripts/build.mjs')) continue;
      // The artifacts scripts/build.mjs makes of this package: framework, component, servers.
      const planned = await plannedArtifacts(dir);
      const names = [...planned.frameworks.map((f) => f.artifact), ...(planned.component ? [planned.component] : []), ...planned.servers.map((s) => s.artifact)];
      const info = { version: pkg.version, description: pkg.description, license: pkg.license ?? rootPkg.license };
      for (const name of names) {
        const variants = [
          { name, file: join(dir, 'dist', 'draft', `${name}.wasm`) },
          { name: `${name}-d2`, file: join(dir, 'dist', 'draft2', `${name}-d2.wasm`) },
        ];
        candidates.push({
          names: variants.map((v) => v.name),
          load: async () => {
            const missing = variants.filter((v) => !existsSync(v.file));
            if (missing.length) throw new Error(`${pkg.name} is not built: ${missing.map((v) => v.file).join(', ')} missing (run npm run build)`);
            return variants.map((v) => ({ kind: 'component', ...info, ...v }) satisfies ComponentArtifact);
          },
        });
      }
    }
  }

  const depsDir = join(root, 'wit', 'deps');
  const vendored = (await readdir(depsDir)).map((d) => join(depsDir, d));
  for (const dir of WIT_PACKAGES) {
    const source = await readWitPackage(join(root, 'wit', dir));
    const deps = [...WIT_PACKAGES.filter((other) => other !== dir).map((other) => join(root, 'wit', other)), ...vendored];
    const artifact: WitArtifact = {
      kind: 'wit',
      name: source.name,
      version: source.version,
      description: `WIT package ${source.namespace}:${source.name}@${source.version}`,
      license: rootPkg.license,
      source,
      deps,
    };
    candidates.push({ names: [source.name], load: async () => [artifact] });
  }

  if (!only) return (await Promise.all(candidates.map((c) => c.load()))).flat();
  const known = candidates.flatMap((c) => c.names);
  const unknown = only.filter((n) => !known.includes(n));
  if (unknown.length) throw new Error(`no artifact named ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const picked: Artifact[] = [];
  for (const c of candidates) {
    const wanted = only.filter((n) => c.names.includes(n));
    if (wanted.length === 0) continue;
    const all = await c.load();
    // The package's own name picks both variants; a variant's name picks just that one.
    picked.push(...(wanted.includes(c.names[0]) ? all : all.filter((a) => wanted.includes(a.name))));
  }
  return picked;
}
