// Encodes a WIT package folder as a binary WIT package (what `wasm-tools component wit --wasm`
// writes and `wkg` publishes): one exported component type per interface and per world.
//
// jco exposes no such encoder, but its `componentEmbed` encodes *worlds*: the type it embeds is
// `(component (type W) (export "ns:pkg/world@v" (component (type 0))))`, which is exactly the
// package encoding of that world. An interface is encoded like a world that exports just it
// (its dependencies imported), so each interface goes through a probe world `export iface;`
// whose inner component type is lifted out. A probe world importing every interface gives the
// dependency order, since a component type must import what it uses first.
import { componentEmbed, componentNew, componentWit, print } from '@bytecodealliance/jco';
import { _setPreopens } from '@bytecodealliance/preview2-shim/filesystem';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { worldItems } from './component-world.js';

export interface WitPackageSource {
  /** The folder of the package's .wit files. */
  dir: string;
  namespace: string;
  name: string;
  version: string;
  interfaces: string[];
  worlds: string[];
}

export interface EncodedWitPackage {
  bytes: Uint8Array;
  /** What the package offers, as the OCI wasm config lists it: interfaces, worlds and the worlds' exports. */
  exports: string[];
}

const PROBE = 'wasmcp-ts-probe';

/** Reads the package declaration, interfaces and worlds of a WIT folder. */
export async function readWitPackage(dir: string): Promise<WitPackageSource> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.wit')).sort();
  if (files.length === 0) throw new Error(`${dir} holds no .wit files`);
  let id: string | undefined;
  const interfaces: string[] = [];
  const worlds: string[] = [];
  for (const file of files) {
    const text = (await readFile(join(dir, file), 'utf8')).replace(/\/\/.*$/gm, '');
    const declared = /^\s*package\s+([a-z][a-z0-9-]*:[a-z][a-z0-9-]*@[^\s;]+)\s*;/m.exec(text)?.[1];
    if (!declared) throw new Error(`${join(dir, file)} declares no versioned package`);
    if (id && declared !== id) throw new Error(`${join(dir, file)} declares ${declared}, the folder's other files ${id}`);
    id = declared;
    for (const m of text.matchAll(/^(interface|world)\s+([a-z][a-z0-9-]*)\s*\{/gm)) (m[1] === 'interface' ? interfaces : worlds).push(m[2]);
  }
  const [, namespace, name, version] = /^([^:]+):([^@]+)@(.+)$/.exec(id!)!;
  return { dir, namespace, name, version, interfaces, worlds };
}

/** Encodes the package; `deps` are the folders of the packages it uses (as in a wit/deps folder). */
export async function encodeWitPackage(source: WitPackageSource, deps: string[]): Promise<EncodedWitPackage> {
  // jco's wasm-tools reads the WIT folder through preview2-shim, which preopens nothing by default.
  // The Node shim maps guest paths to host paths (its typing is the browser one, which takes file data).
  _setPreopens({ '/': '/' } as never);
  const work = await mkdtemp(join(tmpdir(), 'wasmcp-ts-wit-'));
  try {
    await cp(source.dir, work, { recursive: true, filter: (path) => path === source.dir || path.endsWith('.wit') });
    for (const dep of deps) await cp(dep, join(work, 'deps', basename(dep)), { recursive: true });
    await writeFile(join(work, `${PROBE}.wit`), probeWorlds(source));
    const embedded = (world: string) => worldType(work, world);

    const items: { name: string; type: Uint8Array }[] = [];
    for (const iface of await dependencyOrder(source, await embedded(`${PROBE}-order`))) {
      items.push({ name: iface, type: innerWorldType(await embedded(`${PROBE}-${iface}`), idOf(source, `${PROBE}-${iface}`)) });
    }
    const exports = new Set(source.interfaces.map((i) => idOf(source, i)));
    for (const world of source.worlds) {
      const wrapper = await embedded(world);
      innerWorldType(wrapper, idOf(source, world)); // checks the shape
      items.push({ name: world, type: wrapper });
      exports.add(idOf(source, world));
      for (const e of (await worldOf(work, world)).exports) exports.add(e);
    }
    return { bytes: packageComponent(items), exports: [...exports] };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function idOf(source: WitPackageSource, item: string): string {
  return `${source.namespace}:${source.name}/${item}@${source.version}`;
}

function probeWorlds(source: WitPackageSource): string {
  const taken = [...source.interfaces, ...source.worlds].filter((n) => n.startsWith(PROBE));
  if (taken.length) throw new Error(`${source.dir}: the names ${taken.join(', ')} clash with the encoder's probe worlds`);
  const lines = [`package ${source.namespace}:${source.name}@${source.version};`, `world ${PROBE}-order {`];
  for (const iface of source.interfaces) lines.push(`  import ${iface};`);
  lines.push('}');
  for (const iface of source.interfaces) lines.push(`world ${PROBE}-${iface} {`, `  export ${iface};`, '}');
  return `${lines.join('\n')}\n`;
}

/** The package's interfaces, each after the interfaces it uses (the probe world's import order). */
async function dependencyOrder(source: WitPackageSource, orderWorld: Uint8Array): Promise<string[]> {
  const prefix = `${source.namespace}:${source.name}/`;
  const wat = await print(packageComponent([{ name: `${PROBE}-order`, type: orderWorld }]));
  const order = [...wat.matchAll(/\(import "([^"]+)"/g)]
    .map((m) => m[1])
    .filter((n) => n.startsWith(prefix))
    .map((n) => n.slice(prefix.length).replace(/@.*$/, ''));
  const missing = source.interfaces.filter((i) => !order.includes(i));
  if (missing.length) throw new Error(`cannot order the interfaces ${missing.join(', ')} of ${source.dir}`);
  return order;
}

/** The type componentEmbed gives `world`: the wrapper component type of the package encoding. */
async function worldType(witDir: string, world: string): Promise<Uint8Array> {
  const core = await componentEmbed({ dummy: true, witPath: witDir, world });
  const section = sections(core).find((s) => s.name?.startsWith('component-type'));
  if (!section) throw new Error(`componentEmbed gave ${world} no component-type section`);
  const types = sections(section.data).filter((s) => s.id === COMPONENT_TYPE_SECTION);
  if (types.length !== 1 || types[0].data[0] !== 1) throw new Error(`unexpected encoding of world ${world}: want one type`);
  return types[0].data.subarray(1);
}

async function worldOf(witDir: string, world: string) {
  return worldItems(await componentWit(await componentNew(await componentEmbed({ dummy: true, witPath: witDir, world }))));
}

/**
 * Lifts W out of `(component (type W) (export "<id>" (component (type 0))))`: component type
 * 0x41, 2 declarations, a type declaration (0x01), W, then the export declaration (0x04, plain
 * name 0x00, the name, extern kind component 0x04 of type 0).
 */
function innerWorldType(wrapper: Uint8Array, id: string): Uint8Array {
  const tail = Uint8Array.from([0x04, 0x00, ...encodeString(id), 0x04, 0x00]);
  const end = wrapper.length - tail.length;
  const ok = wrapper[0] === 0x41 && wrapper[1] === 2 && wrapper[2] === 0x01 && tail.every((b, i) => wrapper[end + i] === b);
  if (!ok) throw new Error(`unexpected encoding of ${id}: not a component type wrapping one world`);
  return wrapper.subarray(3, end);
}

const COMPONENT_TYPE_SECTION = 7;
const COMPONENT_EXPORT_SECTION = 11;
const SORT_TYPE = 0x03;

/** A component that defines each type and exports it under its plain name, in order. */
function packageComponent(items: { name: string; type: Uint8Array }[]): Uint8Array {
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];
  const section = (id: number, body: number[]) => out.push(id, ...uleb(body.length), ...body);
  items.forEach((item, i) => {
    section(COMPONENT_TYPE_SECTION, [...uleb(1), ...item.type]);
    // Each export adds a type index too: item i's type is index 2i.
    section(COMPONENT_EXPORT_SECTION, [...uleb(1), 0x00, ...encodeString(item.name), SORT_TYPE, ...uleb(2 * i), 0x00]);
  });
  return Uint8Array.from(out);
}

function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return bytes;
}

function encodeString(text: string): number[] {
  const bytes = new TextEncoder().encode(text);
  return [...uleb(bytes.length), ...bytes];
}

interface Section {
  id: number;
  name?: string;
  data: Uint8Array;
}

/** The top-level sections of a module or component binary. */
function sections(binary: Uint8Array): Section[] {
  const found: Section[] = [];
  let offset = 8;
  const readUleb = () => {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = binary[offset++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  while (offset < binary.length) {
    const id = binary[offset++];
    const size = readUleb();
    const end = offset + size;
    if (id === 0) {
      const nameLength = readUleb();
      const name = new TextDecoder().decode(binary.subarray(offset, offset + nameLength));
      found.push({ id, name, data: binary.subarray(offset + nameLength, end) });
    } else {
      found.push({ id, data: binary.subarray(offset, end) });
    }
    offset = end;
  }
  return found;
}
