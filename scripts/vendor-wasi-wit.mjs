// Regenerates wit/deps/wasi-* from the WASI WIT that jco ships, in the versions
// componentize-js 0.23 binds (see ../shared/design/toolchain.md):
//   - every WASI package at 0.2.12,
//   - wasi:http re-versioned to 0.2.10 (the only incoming-handler version componentize-js builds),
//   - wasi:io re-versioned to 0.2.8, the version the wasmcp contract names in its `use` clauses
//     (the built component merges it into one wasi:io@0.2.12 import).
// The wasi:keyvalue drafts are not generated: wit/deps/wasi-keyvalue-draft{,2} are ours.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// jco's exports hide package.json; its main entry sits in dist/.
const jcoDir = join(dirname(require.resolve('@bytecodealliance/jco')), '..');
const builtin = join(jcoDir, 'lib', 'wit', 'builtin', '0.2.12');
const deps = join(root, 'wit', 'deps');

async function vendor(name, version, rewrite = (text) => text) {
  const text = await readFile(join(builtin, `wasi-${name}`, 'package.wit'), 'utf8');
  const dir = join(deps, `wasi-${name}-${version}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.wit'), rewrite(text));
}

const selfVersion = (name, version) => (text) =>
  text
    .replace(`package wasi:${name}@0.2.12;`, `package wasi:${name}@${version};`)
    .replace(new RegExp(`wasi:${name}/([a-z-]+)@0\\.2\\.12`, 'g'), `wasi:${name}/$1@${version}`);

for (const name of ['io', 'clocks', 'random', 'cli', 'filesystem', 'sockets']) await vendor(name, '0.2.12');
await vendor('http', '0.2.10', selfVersion('http', '0.2.10'));
await vendor('io', '0.2.8', selfVersion('io', '0.2.8'));
console.log(`vendored WASI WIT into ${deps}`);
