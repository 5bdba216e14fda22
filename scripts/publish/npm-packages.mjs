#!/usr/bin/env node
// Stages every package of packages/ as it is published to npm, then packs or publishes it.
// A workspace package points at its TypeScript sources and builds with this repository's
// scripts; its staged copy holds only what a user installs:
//   lib/   the sources compiled to JavaScript (esbuild, one file per source) and their
//          declarations (tsc), plus the hand-written .d.ts/.d.mts beside them;
//   dist/  the build outputs of the package itself (the components' .wasm of both variants, the
//          runtime's bundles and WIT), without source maps or build work folders;
//   bin/, templates/, README.md, the repository's LICENSE;
// and a package.json with `exports` rewritten from src/ to lib/, `files`, `engines`, `license`,
// `publishConfig`, no scripts or devDependencies, and every @wasmcp-ts dependency pinned to
// the one version all packages share (the root package.json's).
//
// Usage: node scripts/publish/npm-packages.mjs [--out DIR] [--pack] [--publish] [--registry URL] [--provenance]
//   --out DIR      stage into DIR (default: a fresh temporary folder), one folder per package
//   --pack         `npm pack --dry-run` each staged package: its files and sizes
//   --publish      `npm publish` each staged package (--registry, --provenance passed on)
// Needs the built packages (npm run build). Prints one JSON line per package.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCOPE = '@wasmcp-ts/';
const ENGINES = { node: '>=20' };
const REPOSITORY = { type: 'git', url: 'git+https://github.com/wasmcp-ts/wasmcp-ts.git' };
/** Top-level entries of a package that are published as they are (besides lib/ and dist/). */
const COPIED = ['bin', 'templates', 'README.md'];

/** The packages of packages/, read. */
async function workspacePackages() {
  const packages = [];
  for (const entry of (await readdir(join(root, 'packages'), { withFileTypes: true })).filter((e) => e.isDirectory())) {
    const dir = join(root, 'packages', entry.name);
    if (!existsSync(join(dir, 'package.json'))) continue;
    packages.push({ dir, folder: entry.name, pkg: JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) });
  }
  return packages.sort((a, b) => a.pkg.name.localeCompare(b.pkg.name));
}

async function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

async function sameBytes(a, b) {
  return existsSync(b) && (await readFile(a)).equals(await readFile(b));
}

const isDeclaration = (file) => /\.d\.m?ts$/.test(file);

/** src/X.ts -> lib/X.js (and its .d.ts when typed); src/anything -> lib/anything. */
function rewriteTarget(target, typed) {
  const ts = /^\.\/src\/(.+)\.ts$/.exec(target);
  if (ts && !isDeclaration(target)) return typed ? { types: `./lib/${ts[1]}.d.ts`, default: `./lib/${ts[1]}.js` } : `./lib/${ts[1]}.js`;
  return target.replace(/^\.\/src\//, './lib/');
}

function rewriteExports(exports, typed) {
  return Object.fromEntries(
    Object.entries(exports).map(([key, value]) => {
      if (typeof value === 'string') return [key, rewriteTarget(value, typed)];
      const conditions = Object.fromEntries(Object.entries(value).map(([condition, target]) => [condition, rewriteTarget(target, typed)]));
      // A `types` condition that pointed at a source now names the declaration file.
      if (typeof conditions.types === 'object') conditions.types = conditions.types.types;
      return [key, conditions];
    }),
  );
}

function pinned(dependencies, version) {
  return Object.fromEntries(Object.entries(dependencies).map(([name, range]) => [name, name.startsWith(SCOPE) ? version : range]));
}

/**
 * Whether a package is imported by users' TypeScript (its exports have a main entry: the SDK,
 * the runtime, the protocol they build on) and so ships declarations. The components' packages
 * export only their factories, which the runtime's fused build bundles as JavaScript.
 */
const typed = (pkg) => Boolean(pkg.exports?.['.']);

/** Declarations of the typed packages' sources at once, into `out/FOLDER/...` (tsc, one program). */
async function emitDeclarations(packages, out) {
  const withSources = packages.filter(({ pkg }) => typed(pkg));
  await mkdir(out, { recursive: true });
  const config = join(out, 'tsconfig.json');
  await writeFile(
    config,
    JSON.stringify({
      extends: join(root, 'tsconfig.base.json'),
      compilerOptions: { typeRoots: [join(root, 'node_modules', '@types')], noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: join(root, 'packages'), outDir: out },
      include: withSources.flatMap(({ dir }) => [join(dir, 'src', '**', '*.ts')]),
    }),
  );
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', config], { cwd: root, maxBuffer: 1 << 26 }).catch((err) => {
    throw new Error(`declarations failed:\n${err.stdout}${err.stderr}`);
  });
}

/**
 * Copies the emitted declarations to `lib`. tsc writes a kept `/// <reference path>` relative
 * to the emitted file, so one naming a hand-written .d.ts of the sources points back into this
 * repository: it is made to name that file's copy in lib/ instead.
 */
async function copyDeclarations(emitted, srcDir, lib) {
  for (const file of await filesUnder(emitted)) {
    const text = (await readFile(join(emitted, file), 'utf8')).replace(/(\/\/\/ <reference path=")([^"]+)(")/g, (whole, open, path, close) => {
      const target = resolve(dirname(join(emitted, file)), path);
      if (!target.startsWith(`${srcDir}/`)) return whole;
      return `${open}./${relative(dirname(join(srcDir, file)), target)}${close}`;
    });
    await mkdir(dirname(join(lib, file)), { recursive: true });
    await writeFile(join(lib, file), text);
  }
}

/** Stages one package into `target`; returns its published package.json. */
async function stagePackage({ dir, folder, pkg }, { version, target, declarations }) {
  await mkdir(target, { recursive: true });
  const entries = [];
  const sources = (await filesUnder(join(dir, 'src'))).filter((f) => /\.(ts|mts)$/.test(f));
  const runtimeBundle = existsSync(join(dir, 'build.mjs')); // bundles src/ into dist/ itself
  if (sources.length) {
    const lib = join(target, 'lib');
    const compiled = runtimeBundle ? [] : sources.filter((f) => !isDeclaration(f) && f.endsWith('.ts'));
    if (compiled.length) {
      await build({ entryPoints: compiled.map((f) => join(dir, 'src', f)), outdir: lib, outbase: join(dir, 'src'), format: 'esm', platform: 'neutral', target: 'es2022', logLevel: 'warning' });
    }
    for (const file of sources.filter(isDeclaration)) await cp(join(dir, 'src', file), join(lib, file));
    if (typed(pkg)) await copyDeclarations(join(declarations, folder, 'src'), join(dir, 'src'), lib);
    // A package that bundles its sources itself (create) may have nothing for lib/.
    if (existsSync(lib)) entries.push('lib');
  }
  const built = (await filesUnder(join(dir, 'dist'))).filter((f) => !f.endsWith('.map') && !f.split('/').includes('.build'));
  if (pkg.exports && Object.values(pkg.exports).some((v) => JSON.stringify(v).includes('./dist/')) && built.length === 0) {
    throw new Error(`${pkg.name}: dist/ is empty: run npm run build first`);
  }
  for (const file of built) {
    // A draft2 artifact that is the draft's bytes (no wasi:keyvalue import) ships once: the
    // runtime's frameworkArtifact falls back to the draft file.
    const draft = /^draft2\/(.+)-d2\.wasm$/.exec(file);
    if (draft && (await sameBytes(join(dir, 'dist', file), join(dir, 'dist', 'draft', `${draft[1]}.wasm`)))) continue;
    await cp(join(dir, 'dist', file), join(target, 'dist', file));
  }
  if (built.length) entries.push('dist');
  for (const entry of COPIED) {
    if (!existsSync(join(dir, entry))) continue;
    await cp(join(dir, entry), join(target, entry), { recursive: true });
    if (entry !== 'README.md') entries.push(entry);
  }
  await cp(join(root, 'LICENSE'), join(target, 'LICENSE'));
  const published = {
    name: pkg.name,
    version,
    description: pkg.description,
    license: 'Apache-2.0',
    repository: { ...REPOSITORY, directory: `packages/${folder}` },
    type: pkg.type,
    engines: ENGINES,
    ...(pkg.bin && { bin: pkg.bin }),
    ...(pkg.exports && { exports: rewriteExports(pkg.exports, typed(pkg)) }),
    files: entries,
    ...(pkg.dependencies && { dependencies: pinned(pkg.dependencies, version) }),
    ...(pkg.optionalDependencies && { optionalDependencies: pinned(pkg.optionalDependencies, version) }),
    publishConfig: { access: 'public' },
  };
  await writeFile(join(target, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
  return published;
}

/** Stages every package under `out`; returns `[{ name, dir, pkg }]`. */
export async function stagePackages(out) {
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const packages = await workspacePackages();
  const astray = packages.filter(({ pkg }) => pkg.version !== version).map(({ pkg }) => `${pkg.name}@${pkg.version}`);
  if (astray.length) throw new Error(`every package has the root version ${version}; not ${astray.join(', ')}`);
  const declarations = join(out, '.declarations');
  await emitDeclarations(packages, declarations);
  const staged = [];
  for (const entry of packages) {
    const target = join(out, entry.folder);
    staged.push({ name: entry.pkg.name, dir: target, pkg: await stagePackage(entry, { version, target, declarations }) });
  }
  await rm(declarations, { recursive: true, force: true });
  return staged;
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      pack: { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
      registry: { type: 'string' },
      provenance: { type: 'boolean', default: false },
    },
  });
  const out = values.out ?? (await mkdtemp(join(tmpdir(), 'wasmcp-ts-npm-')));
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const registry = values.registry ? ['--registry', values.registry] : [];
  for (const { name, dir } of await stagePackages(out)) {
    const line = { name, dir };
    if (values.pack) {
      const { stdout } = await run('npm', ['pack', '--dry-run', '--json', dir], { maxBuffer: 1 << 26 });
      const [packed] = JSON.parse(stdout);
      Object.assign(line, { size: packed.size, unpackedSize: packed.unpackedSize, files: packed.files.map((f) => f.path) });
    }
    if (values.publish) {
      await run('npm', ['publish', dir, ...registry, ...(values.provenance ? ['--provenance'] : [])], { maxBuffer: 1 << 26 }).catch((err) => {
        throw new Error(`npm publish ${name} failed:\n${err.stderr}`);
      });
      line.published = true;
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`npm-packages: ${err.message}\n`);
    process.exit(1);
  });
}
