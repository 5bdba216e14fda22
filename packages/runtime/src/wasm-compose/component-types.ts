// What a component imports and exports, read from its binary: the names of its top-level
// imports and exports, and each imported interface's type resolved into a structural shape
// (value types spelled out, resources named by the interface that owns them), so that the
// imports of several components can be merged into one set of outer imports.
import { Reader, Section, Sort, isComponent } from './binary.js';
import type { KeyValueVariant } from '../keyvalue/wasi-host.js';

export type ValType =
  | { kind: 'prim'; code: number }
  | { kind: 'record'; fields: Array<[string, ValType]> }
  | { kind: 'variant'; cases: Array<[string, ValType | null]> }
  | { kind: 'list'; element: ValType; length?: number }
  | { kind: 'tuple'; elements: ValType[] }
  | { kind: 'flags'; names: string[] }
  | { kind: 'enum'; names: string[] }
  | { kind: 'option'; value: ValType }
  | { kind: 'result'; ok: ValType | null; err: ValType | null }
  | { kind: 'own' | 'borrow'; resource: string }
  | { kind: 'stream' | 'future'; value: ValType | null }
  | { kind: 'map'; key: ValType; value: ValType }
  /** A type an interface exports by name (`INTERFACE#NAME`): imports must refer to it by that name. */
  | { kind: 'named'; id: string; type: ValType };

export interface FuncType {
  kind: 'func';
  async: boolean;
  params: Array<[string, ValType]>;
  result: ValType | null;
}

/** A resource type, named `INTERFACE#NAME` after the interface that declares it. */
export interface ResourceType {
  kind: 'resource';
  id: string;
}

export type InterfaceExport =
  | { kind: 'resource'; id: string }
  | { kind: 'type'; type: ValType | ResourceType }
  | { kind: 'func'; type: FuncType };

/** The exports of an imported interface, in declaration order. */
export type InterfaceShape = Map<string, InterfaceExport>;

export type ExternSort = 'module' | 'func' | 'value' | 'type' | 'component' | 'instance';

export interface ComponentImport {
  name: string;
  sort: ExternSort;
}

export interface ComponentExport {
  name: string;
  sort: ExternSort | 'core';
}

export interface ComponentInfo {
  imports: ComponentImport[];
  exports: ComponentExport[];
  /**
   * The shape of an imported interface. `canonical` renames interfaces (e.g. to the one
   * version every component gets): resource ids use the renamed interface.
   */
  interfaceShape(importName: string, canonical: (name: string) => string): InterfaceShape;
}

// Raw types: as written, with type indices not yet looked up.
type RawVal = { prim: number } | { index: number };
type RawDef =
  | { kind: 'prim'; code: number }
  | { kind: 'record'; fields: Array<[string, RawVal]> }
  | { kind: 'variant'; cases: Array<[string, RawVal | null]> }
  | { kind: 'list'; element: RawVal; length?: number }
  | { kind: 'tuple'; elements: RawVal[] }
  | { kind: 'flags' | 'enum'; names: string[] }
  | { kind: 'option'; value: RawVal }
  | { kind: 'result'; ok: RawVal | null; err: RawVal | null }
  | { kind: 'own' | 'borrow'; index: number }
  | { kind: 'stream' | 'future'; value: RawVal | null }
  | { kind: 'map'; key: RawVal; value: RawVal }
  | { kind: 'func'; async: boolean; params: Array<[string, RawVal]>; result: RawVal | null }
  | { kind: 'instance'; decls: RawDecl[] }
  | { kind: 'component' }
  | { kind: 'resource-definition' };
type RawExtern = { sort: ExternSort; index?: number; subResource?: boolean };
type RawDecl =
  | { kind: 'type'; def: RawDef }
  | { kind: 'alias-outer'; sort: number; count: number; index: number }
  | { kind: 'alias-export'; sort: number }
  | { kind: 'export'; name: string; extern: RawExtern }
  | { kind: 'import'; name: string; extern: RawExtern }
  | { kind: 'core-type' };

type TopType = { tag: 'def'; def: RawDef } | { tag: 'alias-export'; instance: number; name: string } | { tag: 'other' };
type TopInstance = { tag: 'import'; name: string; type: number } | { tag: 'other' };

const isPrim = (byte: number) => (byte >= 0x73 && byte <= 0x7f) || byte === 0x64;

function valType(r: Reader): RawVal {
  if (isPrim(r.peek())) return { prim: r.u8() };
  const index = r.s33();
  if (index < 0) throw new Error(`unknown value type 0x${(index & 0x7f).toString(16)} at byte ${r.pos}`);
  return { index };
}

function optional<T>(r: Reader, read: () => T): T | null {
  const flag = r.u8();
  if (flag === 0) return null;
  if (flag === 1) return read();
  throw new Error(`malformed optional (0x${flag.toString(16)}) at byte ${r.pos}`);
}

function vec<T>(r: Reader, read: () => T): T[] {
  const count = r.u32();
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(read());
  return out;
}

/** An import or export name; attributes (implements, version suffix) are read past. */
function externName(r: Reader): string {
  const tag = r.u8();
  const name = r.name();
  if (tag === 0x02) {
    vec(r, () => {
      const attr = r.u8();
      if (attr > 0x02) throw new Error(`unknown name attribute 0x${attr.toString(16)}`);
      return r.name();
    });
  } else if (tag > 0x02) throw new Error(`unknown name encoding 0x${tag.toString(16)} at byte ${r.pos}`);
  return name;
}

function externType(r: Reader): RawExtern {
  const tag = r.u8();
  switch (tag) {
    case 0x00:
      if (r.u8() !== 0x11) throw new Error('malformed core module import');
      return { sort: 'module', index: r.u32() };
    case 0x01:
      return { sort: 'func', index: r.u32() };
    case 0x02:
      if (r.u8() === 0x00) r.u32();
      else valType(r);
      return { sort: 'value' };
    case 0x03:
      return r.u8() === 0x00 ? { sort: 'type', index: r.u32() } : { sort: 'type', subResource: true };
    case 0x04:
      return { sort: 'component', index: r.u32() };
    case 0x05:
      return { sort: 'instance', index: r.u32() };
    default:
      throw new Error(`unknown extern type 0x${tag.toString(16)} at byte ${r.pos}`);
  }
}

function sortOf(r: Reader): number {
  const sort = r.u8();
  if (sort === Sort.Core) r.u8();
  return sort;
}

function decl(r: Reader, inComponentType: boolean): RawDecl {
  const tag = r.u8();
  switch (tag) {
    case 0x00:
      throw new Error('core types inside component types are not supported');
    case 0x01:
      return { kind: 'type', def: defType(r) };
    case 0x02: {
      const sort = sortOf(r);
      const target = r.u8();
      if (target === 0x02) return { kind: 'alias-outer', sort, count: r.u32(), index: r.u32() };
      r.u32();
      r.name();
      return { kind: 'alias-export', sort };
    }
    case 0x03:
      if (!inComponentType) throw new Error('an import declaration inside an instance type');
      return { kind: 'import', name: externName(r), extern: externType(r) };
    case 0x04:
      return { kind: 'export', name: externName(r), extern: externType(r) };
    default:
      throw new Error(`unknown type declaration 0x${tag.toString(16)} at byte ${r.pos}`);
  }
}

function defType(r: Reader): RawDef {
  const tag = r.u8();
  if (isPrim(tag)) return { kind: 'prim', code: tag };
  const label = () => r.name();
  switch (tag) {
    case 0x72:
      return { kind: 'record', fields: vec(r, () => [label(), valType(r)] as [string, RawVal]) };
    case 0x71:
      return {
        kind: 'variant',
        cases: vec(r, () => {
          const name = label();
          const type = optional(r, () => valType(r));
          if (r.u8() !== 0x00) throw new Error('variant cases that refine another are not supported');
          return [name, type] as [string, RawVal | null];
        }),
      };
    case 0x70:
      return { kind: 'list', element: valType(r) };
    case 0x67:
      return { kind: 'list', element: valType(r), length: r.u32() };
    case 0x6f:
      return { kind: 'tuple', elements: vec(r, () => valType(r)) };
    case 0x6e:
      return { kind: 'flags', names: vec(r, label) };
    case 0x6d:
      return { kind: 'enum', names: vec(r, label) };
    case 0x6b:
      return { kind: 'option', value: valType(r) };
    case 0x6a:
      return { kind: 'result', ok: optional(r, () => valType(r)), err: optional(r, () => valType(r)) };
    case 0x69:
      return { kind: 'own', index: r.u32() };
    case 0x68:
      return { kind: 'borrow', index: r.u32() };
    case 0x66:
      return { kind: 'stream', value: optional(r, () => valType(r)) };
    case 0x65:
      return { kind: 'future', value: optional(r, () => valType(r)) };
    case 0x63:
      return { kind: 'map', key: valType(r), value: valType(r) };
    case 0x40:
    case 0x43: {
      const params = vec(r, () => [label(), valType(r)] as [string, RawVal]);
      const resultTag = r.u8();
      let result: RawVal | null = null;
      if (resultTag === 0x00) result = valType(r);
      else if (r.u8() !== 0x00) throw new Error('named function results are not supported');
      return { kind: 'func', async: tag === 0x43, params, result };
    }
    case 0x41:
      vec(r, () => decl(r, true));
      return { kind: 'component' };
    case 0x42:
      return { kind: 'instance', decls: vec(r, () => decl(r, false)) };
    case 0x3f:
      r.u8();
      optional(r, () => r.u32());
      return { kind: 'resource-definition' };
    default:
      throw new Error(`unknown type 0x${tag.toString(16)} at byte ${r.pos}`);
  }
}

const EXTERN_SORTS: Record<number, ExternSort> = {
  [Sort.Func]: 'func',
  [Sort.Value]: 'value',
  [Sort.Type]: 'type',
  [Sort.Component]: 'component',
  [Sort.Instance]: 'instance',
};

const KEYVALUE = /^wasi:keyvalue\/[a-z-]+@0\.2\.0-(draft2?)$/;

/** The wasi:keyvalue draft a component imports, if any. */
export function keyValueDraft(importNames: string[]): KeyValueVariant | undefined {
  for (const name of importNames) {
    const match = KEYVALUE.exec(name);
    if (match) return match[1] as KeyValueVariant;
  }
  return undefined;
}

/** Reads the top level of a component: its imports, exports and the types they use. */
export function readComponent(bytes: Uint8Array): ComponentInfo {
  if (!isComponent(bytes)) throw new Error('not a WebAssembly component (a core module, or not wasm at all)');
  const types: TopType[] = [];
  const instances: TopInstance[] = [];
  const imports: ComponentImport[] = [];
  const exports: ComponentExport[] = [];
  const r = new Reader(bytes, 8);
  while (!r.done) {
    const id = r.u8();
    const size = r.u32();
    const body = new Reader(bytes, r.pos, r.pos + size);
    r.pos += size;
    switch (id) {
      case Section.Type:
        vec(body, () => types.push({ tag: 'def', def: defType(body) }));
        break;
      case Section.Alias:
        vec(body, () => {
          const sort = sortOf(body);
          const target = body.u8();
          let entry: TopType = { tag: 'other' };
          if (target === 0x00) entry = { tag: 'alias-export', instance: body.u32(), name: body.name() };
          else if (target === 0x01) (body.u32(), body.name());
          else (body.u32(), body.u32());
          if (sort === Sort.Type) types.push(entry);
          if (sort === Sort.Instance) instances.push({ tag: 'other' });
        });
        break;
      case Section.Import:
        vec(body, () => {
          const name = externName(body);
          const extern = externType(body);
          imports.push({ name, sort: extern.sort });
          if (extern.sort === 'type') types.push({ tag: 'other' });
          if (extern.sort === 'instance') instances.push({ tag: 'import', name, type: extern.index! });
        });
        break;
      case Section.Export:
        vec(body, () => {
          const name = externName(body);
          const sort = sortOf(body);
          body.u32();
          optional(body, () => externType(body));
          exports.push({ name, sort: EXTERN_SORTS[sort] ?? 'core' });
          if (sort === Sort.Type) types.push({ tag: 'other' });
          if (sort === Sort.Instance) instances.push({ tag: 'other' });
        });
        break;
      case Section.Instance:
        vec(body, () => instances.push({ tag: 'other' }));
        break;
      default:
        break;
    }
  }
  return { imports, exports, interfaceShape: shapeResolver(types, instances) };
}

function shapeResolver(types: TopType[], instances: TopInstance[]): ComponentInfo['interfaceShape'] {
  return (importName, canonical) => {
    const shapes = new Map<string, InterfaceShape>();
    const shapeOf = (name: string): InterfaceShape => {
      const known = shapes.get(name);
      if (known) return known;
      const instance = instances.find((i) => i.tag === 'import' && i.name === name);
      if (!instance || instance.tag !== 'import') throw new Error(`${name} is not an imported interface`);
      const def = types[instance.type];
      if (def?.tag !== 'def' || def.def.kind !== 'instance') throw new Error(`the import ${name} has no instance type`);
      const shape = resolveInstance(def.def.decls, canonical(name), topLevel);
      shapes.set(name, shape);
      return shape;
    };
    const topLevel = (index: number): Resolved => {
      const entry = types[index];
      if (entry?.tag === 'def') return resolveDef(entry.def, topLevel);
      if (entry?.tag === 'alias-export') {
        const instance = instances[entry.instance];
        if (instance?.tag !== 'import') throw new Error(`type ${index} comes from an instance that is not imported`);
        const exported = shapeOf(instance.name).get(entry.name);
        if (!exported || exported.kind === 'func') throw new Error(`${instance.name} exports no type ${entry.name}`);
        return exported.kind === 'resource' ? { kind: 'resource', id: exported.id } : exported.type;
      }
      throw new Error(`type ${index} of the component cannot be used in an import`);
    };
    return shapeOf(importName);
  };
}

type Resolved = ValType | FuncType | ResourceType | { kind: 'unsupported'; what: string };

function resolveInstance(decls: RawDecl[], interfaceName: string, outer: (index: number) => Resolved): InterfaceShape {
  const local: Resolved[] = [];
  const shape: InterfaceShape = new Map();
  for (const decl of decls) {
    switch (decl.kind) {
      case 'type':
        local.push(resolveDef(decl.def, (i) => local[i]));
        break;
      case 'alias-outer':
        if (decl.sort !== Sort.Type || decl.count !== 1) throw new Error(`${interfaceName}: unsupported alias in its type`);
        local.push(outer(decl.index));
        break;
      case 'export': {
        const { sort, index, subResource } = decl.extern;
        if (sort === 'type' && subResource) {
          const resource: ResourceType = { kind: 'resource', id: `${interfaceName}#${decl.name}` };
          local.push(resource);
          shape.set(decl.name, { kind: 'resource', id: resource.id });
        } else if (sort === 'type') {
          const type = local[index!];
          if (type.kind === 'func' || type.kind === 'unsupported') throw new Error(`${interfaceName}: type ${decl.name} is not a value type`);
          // A type used from another interface, or exported twice, keeps its first name.
          const named: ValType | ResourceType =
            type.kind === 'resource' || type.kind === 'named' ? type : { kind: 'named', id: `${interfaceName}#${decl.name}`, type };
          local.push(named);
          shape.set(decl.name, { kind: 'type', type: named });
        } else if (sort === 'func') {
          const type = local[index!];
          if (type.kind !== 'func') throw new Error(`${interfaceName}: function ${decl.name} has no function type`);
          shape.set(decl.name, { kind: 'func', type });
        } else throw new Error(`${interfaceName}: exports a ${sort} (${decl.name}), which composition does not support`);
        break;
      }
      default:
        throw new Error(`${interfaceName}: unsupported declaration in its type (${decl.kind})`);
    }
  }
  return shape;
}

function resolveDef(def: RawDef, lookup: (index: number) => Resolved): Resolved {
  const value = (raw: RawVal): ValType => {
    if ('prim' in raw) return { kind: 'prim', code: raw.prim };
    const type = lookup(raw.index);
    if (!type || type.kind === 'func' || type.kind === 'resource' || type.kind === 'unsupported') {
      throw new Error(`type index ${raw.index} is not a value type`);
    }
    return type;
  };
  const maybe = (raw: RawVal | null) => (raw ? value(raw) : null);
  const resource = (index: number): string => {
    const type = lookup(index);
    if (type?.kind !== 'resource') throw new Error(`a handle to type ${index}, which is not a resource`);
    return type.id;
  };
  switch (def.kind) {
    case 'prim':
      return { kind: 'prim', code: def.code };
    case 'record':
      return { kind: 'record', fields: def.fields.map(([n, t]) => [n, value(t)]) };
    case 'variant':
      return { kind: 'variant', cases: def.cases.map(([n, t]) => [n, maybe(t)]) };
    case 'list':
      return def.length === undefined ? { kind: 'list', element: value(def.element) } : { kind: 'list', element: value(def.element), length: def.length };
    case 'tuple':
      return { kind: 'tuple', elements: def.elements.map(value) };
    case 'flags':
    case 'enum':
      return { kind: def.kind, names: def.names };
    case 'option':
      return { kind: 'option', value: value(def.value) };
    case 'result':
      return { kind: 'result', ok: maybe(def.ok), err: maybe(def.err) };
    case 'own':
    case 'borrow':
      return { kind: def.kind, resource: resource(def.index) };
    case 'stream':
    case 'future':
      return { kind: def.kind, value: maybe(def.value) };
    case 'map':
      return { kind: 'map', key: value(def.key), value: value(def.value) };
    case 'func':
      return { kind: 'func', async: def.async, params: def.params.map(([n, t]) => [n, value(t)]), result: maybe(def.result) };
    default:
      return { kind: 'unsupported', what: def.kind };
  }
}
