// Swapping a framework piece for the user's own component (`--transport`, `--terminal`,
// `--replace NAME=FILE`): the replacement must fit the world of the piece it replaces, or the
// composition would fail later with a message about jco's import object, or not at all until a
// request reaches the missing function. It fits when it exports every interface the piece
// exports (at a compatible version), imports no wasmcp interface the piece does not import (the
// composition wires only those), and imports wasi:keyvalue only in the server's variant.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FRAMEWORK_COMPONENTS, locateFrameworkComponent, type FrameworkComponent, type Replacements } from './framework.js';
import type { KeyValueVariant } from './keyvalue/wasi-host.js';
import { readComponent } from './wasm-compose/component-types.js';
import { compatible, splitVersion } from './wasm-compose/encode-composition.js';

interface World {
  imports: string[];
  exports: string[];
}

async function worldOf(file: string): Promise<World> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let info;
  try {
    info = readComponent(bytes);
  } catch (err) {
    throw new Error(`${file} is not a usable component: ${(err as Error).message}`);
  }
  const interfaces = (list: { name: string; sort: string }[]) => list.filter((e) => e.sort === 'instance' && e.name.includes(':')).map((e) => e.name);
  return { imports: interfaces(info.imports), exports: interfaces(info.exports) };
}

const KEYVALUE = /^wasi:keyvalue\//;

/**
 * Why `replacement` does not fit in place of `piece` (the world of the piece's own artifact):
 * none when it fits. `variant` is the server's wasi:keyvalue shape.
 */
export function misfits(piece: World, replacement: World, variant: KeyValueVariant): string[] {
  const problems: string[] = [];
  const byBase = (names: string[]) => new Map(names.map((name) => splitVersion(name)));
  const exported = byBase(replacement.exports);
  for (const name of piece.exports) {
    const [base, version] = splitVersion(name);
    const theirs = exported.get(base);
    if (theirs === undefined) problems.push(`it does not export ${name}`);
    else if (!compatible(version, theirs)) problems.push(`it exports ${base}@${theirs}, not a version compatible with ${version}`);
  }
  const pieceImports = byBase(piece.imports);
  const keyValueVersion = variant === 'draft' ? '0.2.0-draft' : '0.2.0-draft2';
  for (const name of replacement.imports) {
    const [base, version] = splitVersion(name);
    if (base.startsWith('wasmcp:')) {
      const ours = pieceImports.get(base);
      if (ours === undefined) problems.push(`it imports ${name}, which the piece's world does not import (nothing in its place provides it)`);
      else if (!compatible(ours, version)) problems.push(`it imports ${name}, not a version compatible with ${ours}`);
    } else if (KEYVALUE.test(base) && version !== keyValueVersion) {
      problems.push(`it imports ${name}, but this server runs the ${variant} variant (wasi:keyvalue@${keyValueVersion})`);
    }
  }
  return problems;
}

/**
 * Checks that `file` fits in place of the framework piece `name`; throws a message naming what
 * asked for it (`given`, e.g. the flag), the file and every mismatch when it does not. `source`
 * is where the framework's own pieces come from (installed, or `oci://...`).
 */
export async function checkPieceFits(given: string, name: FrameworkComponent, file: string, variant: KeyValueVariant, source?: string): Promise<void> {
  const piece = await worldOf(await locateFrameworkComponent(name, variant, source));
  const problems = misfits(piece, await worldOf(file), variant);
  if (problems.length > 0) {
    throw new Error(
      `${given} does not fit in place of ${name}: ${problems.join('; ')}.\n` +
        `  ${name} exports ${piece.exports.join(', ') || 'nothing'}\n  and imports ${piece.imports.filter((i) => !i.startsWith('wasi:')).join(', ') || 'only WASI'}`,
    );
  }
}

/**
 * The replacements of a command line, checked: `--transport FILE` (for `transport`),
 * `--terminal FILE` (method-not-found) and every `--replace NAME=FILE`. `locate` turns what
 * the command line names (a file, an oci:// reference, an alias) into a file; `source` is where
 * the framework's own pieces come from.
 */
export async function checkedReplacements(
  options: { transport?: string; terminal?: string; replace?: string[] },
  transport: 'http-transport' | 'stdio-transport',
  variant: KeyValueVariant,
  { source, locate = async (spec) => spec }: { source?: string; locate?: (spec: string) => Promise<string> } = {},
): Promise<Replacements> {
  const wanted: Array<[string, FrameworkComponent, string]> = [];
  if (options.transport) wanted.push([`--transport ${options.transport}`, transport, options.transport]);
  if (options.terminal) wanted.push([`--terminal ${options.terminal}`, 'method-not-found', options.terminal]);
  for (const pair of options.replace ?? []) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    if (eq <= 0 || eq === pair.length - 1) throw new Error(`--replace takes NAME=FILE, got ${JSON.stringify(pair)}`);
    if (!(FRAMEWORK_COMPONENTS as readonly string[]).includes(name)) {
      throw new Error(`--replace ${name}: no framework piece is called ${name} (the pieces: ${FRAMEWORK_COMPONENTS.join(', ')})`);
    }
    wanted.push([`--replace ${pair}`, name as FrameworkComponent, pair.slice(eq + 1)]);
  }
  const replace: Replacements = {};
  for (const [given, name, spec] of wanted) {
    if (replace[name]) throw new Error(`${given}: ${name} is already replaced by ${replace[name]}`);
    const file = await locate(spec);
    await checkPieceFits(given, name, file, variant, source);
    replace[name] = resolve(file);
  }
  return replace;
}
