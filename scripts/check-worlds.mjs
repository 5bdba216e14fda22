#!/usr/bin/env node
// Prints every built artifact's imports and exports and fails when an artifact
//   - imports the other variant's wasi:keyvalue (draft must use @0.2.0-draft, -d2 @0.2.0-draft2),
//   - imports anything a host does not provide (wasi:{http,cli,io,clocks,random,filesystem,keyvalue}
//     and wasmcp:*),
//   - names a wasmcp:* interface or version that the upstream contract does not have.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { componentWit } from '@bytecodealliance/jco';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOST_WASI = new Set(['http', 'cli', 'io', 'clocks', 'random', 'filesystem', 'keyvalue']);
const shape = JSON.parse(await readFile(join(root, 'test', 'contract', 'upstream-shape.json'), 'utf8'));
const contract = new Set();
for (const [pkg, { interfaces }] of Object.entries(shape.packages)) {
  const [name, version] = pkg.split('@');
  for (const iface of Object.keys(interfaces)) contract.add(`${name}/${iface}@${version}`);
}

async function artifacts() {
  const found = [];
  for (const group of ['packages', 'examples', join('test', 'fixtures')]) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const pkg of await readdir(groupDir)) {
      for (const variant of ['draft', 'draft2']) {
        const dir = join(groupDir, pkg, 'dist', variant);
        if (!existsSync(dir)) continue;
        for (const f of await readdir(dir)) if (f.endsWith('.wasm')) found.push({ file: join(dir, f), variant });
      }
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

function problemsOf(name, variant, kind) {
  const problems = [];
  const m = /^([a-z0-9-]+):([a-z0-9-]+)\/([a-z0-9-]+)@(\S+)$/.exec(name);
  if (!m) return kind === 'import' ? [`imports ${name}, which is not a versioned interface`] : [];
  const [, ns, pkg, , version] = m;
  if (ns === 'wasi' && pkg === 'keyvalue') {
    const want = variant === 'draft' ? '0.2.0-draft' : '0.2.0-draft2';
    if (version !== want) problems.push(`${variant} artifact ${kind}s ${name} (must be @${want})`);
  }
  if (kind === 'import' && !(ns === 'wasmcp' || (ns === 'wasi' && HOST_WASI.has(pkg)))) {
    problems.push(`imports ${name}, which no target host provides`);
  }
  if (ns === 'wasmcp' && !contract.has(name)) problems.push(`${kind}s ${name}, which is not in the wasmcp contract`);
  return problems;
}

const list = await artifacts();
if (list.length === 0) {
  console.error('check-worlds: no built artifacts found (run npm run build)');
  process.exit(1);
}
let failures = 0;
for (const { file, variant } of list) {
  const wit = await componentWit(await readFile(file));
  const items = [...wit.matchAll(/^\s*(import|export)\s+([^;:\s]+:[^;\s]+);/gm)].map(([, kind, name]) => ({ kind, name }));
  const problems = items.flatMap(({ kind, name }) => problemsOf(name, variant, kind));
  console.log(`${relative(root, file)}`);
  for (const { kind, name } of items) console.log(`  ${kind} ${name}`);
  for (const p of problems) console.log(`  FAIL ${p}`);
  failures += problems.length;
}
if (failures) {
  console.error(`check-worlds: ${failures} problem(s) in ${list.length} artifacts`);
  process.exit(1);
}
console.log(`check-worlds: ${list.length} artifacts ok`);
