// Writes one component that nests the given components, instantiates them in order and wires
// each import either to an earlier component's export or to an import of the outer component,
// then exports what was asked for: the file a composer such as wac writes. Interfaces several
// components import are imported once, at the highest semver-compatible version, with the
// union of what each of them uses; interfaces of types only (no functions, no resources) are
// defined inside the composition, so they do not surface as imports.
import { COMPONENT_PREAMBLE, Section, Sort, Writer } from './binary.js';
import type { ComponentInfo, FuncType, InterfaceShape, ResourceType, ValType } from './component-types.js';

export interface CompositionMember {
  /** How messages name it (its file or reference). */
  label: string;
  bytes: Uint8Array;
  info: ComponentInfo;
  /** Imports satisfied by an earlier member's export: import name -> [member index, export name]. */
  wiring: Map<string, [number, string]>;
}

export interface CompositionExport {
  name: string;
  member: number;
  exportName: string;
}

/** The interface name without its version, and the version ('' when it has none). */
export function splitVersion(name: string): [string, string] {
  const at = name.indexOf('@');
  return at < 0 ? [name, ''] : [name.slice(0, at), name.slice(at + 1)];
}

function semver(version: string): number[] {
  const core = version.split(/[-+]/)[0];
  return core.split('.').map((part) => Number(part));
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Versions one import can serve: same major, or same minor for 0.x, and the same pre-release tag. */
export function compatible(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [semver(a), semver(b)];
  const pre = (v: string) => v.split('-')[1] ?? '';
  if (pre(a) !== pre(b)) return false;
  return x[0] === y[0] && (x[0] !== 0 || x[1] === y[1]);
}

/**
 * The one version each interface is imported at: for every interface, the highest version any
 * member imports. Members importing incompatible versions of one interface are refused.
 */
function unifyVersions(members: CompositionMember[]): Map<string, string> {
  const byBase = new Map<string, Array<{ version: string; label: string }>>();
  for (const member of members) {
    for (const { name } of member.info.imports) {
      const [base, version] = splitVersion(name);
      const list = byBase.get(base) ?? [];
      list.push({ version, label: member.label });
      byBase.set(base, list);
    }
  }
  const canonical = new Map<string, string>();
  for (const [base, uses] of byBase) {
    const highest = uses.reduce((a, b) => (compareVersions(a.version, b.version) >= 0 ? a : b));
    const clash = uses.find((u) => !compatible(u.version, highest.version));
    if (clash) {
      throw new Error(
        `incompatible interface versions: ${clash.label} imports ${base}@${clash.version}, ${highest.label} imports ${base}@${highest.version}`,
      );
    }
    for (const u of uses) canonical.set(u.version ? `${base}@${u.version}` : base, highest.version ? `${base}@${highest.version}` : base);
  }
  return canonical;
}

const key = (type: unknown) => JSON.stringify(type);

/** Type definitions of one index space (the outer component's, or one instance type's). */
class TypeSpace {
  private readonly known = new Map<string, number>();
  count = 0;

  constructor(
    /** Appends one type definition, which takes index `count`. */
    private readonly define: (def: Writer) => void,
    /** The index of a resource or a named type (`INTERFACE#NAME`) in this space. */
    readonly reference: (id: string) => number,
  ) {}

  /** Writes a value type: a primitive inline, anything else by the index of its definition. */
  valType(w: Writer, type: ValType): void {
    if (type.kind === 'prim') w.byte(type.code);
    else w.s33(this.index(type));
  }

  /** The index of `type` in this space, defining it (and what it uses) first. */
  index(type: ValType | FuncType): number {
    if (type.kind === 'named') return this.reference(type.id);
    const k = key(type);
    const known = this.known.get(k);
    if (known !== undefined) return known;
    const def = this.encode(type);
    this.define(def);
    const index = this.count++;
    this.known.set(k, index);
    return index;
  }

  /** A type slot added by something other than a definition (an alias, an export). */
  added(): number {
    return this.count++;
  }

  private encode(type: Exclude<ValType, { kind: 'named' }> | FuncType): Writer {
    // Every index a definition uses must exist before it: the parts are written (which
    // defines them) before the definition itself is appended.
    const w = new Writer();
    const val = (t: ValType) => this.valType(w, t);
    const opt = (t: ValType | null) => (t ? (w.byte(1), val(t)) : w.byte(0));
    switch (type.kind) {
      case 'prim':
        return w.byte(type.code);
      case 'record':
        w.byte(0x72).u32(type.fields.length);
        for (const [name, t] of type.fields) (w.name(name), val(t));
        return w;
      case 'variant':
        w.byte(0x71).u32(type.cases.length);
        for (const [name, t] of type.cases) (w.name(name), opt(t), w.byte(0));
        return w;
      case 'list':
        if (type.length === undefined) return (w.byte(0x70), val(type.element), w);
        return (w.byte(0x67), val(type.element), w.u32(type.length));
      case 'tuple':
        w.byte(0x6f).u32(type.elements.length);
        type.elements.forEach(val);
        return w;
      case 'flags':
      case 'enum':
        w.byte(type.kind === 'flags' ? 0x6e : 0x6d).u32(type.names.length);
        for (const name of type.names) w.name(name);
        return w;
      case 'option':
        return (w.byte(0x6b), val(type.value), w);
      case 'result':
        return (w.byte(0x6a), opt(type.ok), opt(type.err), w);
      case 'own':
      case 'borrow': {
        const index = this.reference(type.resource);
        return w.byte(type.kind === 'own' ? 0x69 : 0x68).u32(index);
      }
      case 'stream':
      case 'future':
        return (w.byte(type.kind === 'stream' ? 0x66 : 0x65), opt(type.value), w);
      case 'map':
        return (w.byte(0x63), val(type.key), val(type.value), w);
      case 'func':
        w.byte(type.async ? 0x43 : 0x40).u32(type.params.length);
        for (const [name, t] of type.params) (w.name(name), val(t));
        if (type.result) (w.byte(0), val(type.result));
        else w.byte(1).byte(0);
        return w;
      default:
        throw new Error(`cannot encode a ${(type as { kind: string }).kind} as a type definition`);
    }
  }
}

/** Resources and named types an interface's shape refers to, its own included. */
function referencedIds(shape: InterfaceShape): Set<string> {
  const found = new Set<string>();
  const visit = (t: ValType | FuncType | ResourceType | null): void => {
    if (!t) return;
    switch (t.kind) {
      case 'resource':
        found.add(t.id);
        return;
      case 'named':
        found.add(t.id);
        return visit(t.type);
      case 'own':
      case 'borrow':
        found.add(t.resource);
        return;
      case 'record':
        t.fields.forEach(([, f]) => visit(f));
        return;
      case 'variant':
        t.cases.forEach(([, c]) => visit(c));
        return;
      case 'list':
        return visit(t.element);
      case 'tuple':
        return t.elements.forEach(visit);
      case 'option':
      case 'stream':
      case 'future':
        return visit(t.value);
      case 'result':
        return (visit(t.ok), visit(t.err));
      case 'map':
        return (visit(t.key), visit(t.value));
      case 'func':
        return (t.params.forEach(([, p]) => visit(p)), visit(t.result));
      default:
        return;
    }
  };
  for (const e of shape.values()) {
    if (e.kind === 'resource') found.add(e.id);
    else visit(e.type);
  }
  return found;
}

const ownerOf = (id: string) => id.slice(0, id.lastIndexOf('#'));
const exportNameOf = (id: string) => id.slice(id.lastIndexOf('#') + 1);

/** The definition behind a named type of `shape` (its first export under that name). */
function namedType(shape: InterfaceShape, id: string): ValType {
  const e = shape.get(exportNameOf(id));
  if (e?.kind !== 'type' || e.type.kind !== 'named' || e.type.id !== id) throw new Error(`${id} is not a type its interface exports`);
  return e.type.type;
}

/** Merges the shapes several members give one interface: every export any of them uses. */
function mergeShapes(name: string, uses: Array<{ label: string; version: string; shape: InterfaceShape }>): InterfaceShape {
  uses.sort((a, b) => compareVersions(b.version, a.version));
  const merged: InterfaceShape = new Map(uses[0].shape);
  for (const use of uses.slice(1)) {
    for (const [exportName, exported] of use.shape) {
      const have = merged.get(exportName);
      if (!have) merged.set(exportName, exported);
      else if (use.version === uses[0].version && key(have) !== key(exported)) {
        throw new Error(`incompatible interface versions: ${use.label} and ${uses[0].label} import different ${name}#${exportName} under the same version`);
      }
    }
  }
  // Resources first, then types, then functions: each may use those before it.
  const order = { resource: 0, type: 1, func: 2 } as const;
  return new Map([...merged].sort(([, a], [, b]) => order[a.kind] - order[b.kind]));
}

/** Encodes the composition. Members are instantiated in the given order. */
export function encodeComposition(members: CompositionMember[], exports: CompositionExport[]): Uint8Array {
  const canonical = unifyVersions(members);
  const canonicalOf = (name: string) => canonical.get(name) ?? name;

  // The outer imports: every unwired import of every member, by canonical name.
  const uses = new Map<string, Array<{ label: string; version: string; shape: InterfaceShape }>>();
  members.forEach((member, index) => {
    for (const { name, sort } of member.info.imports) {
      const wired = member.wiring.get(name);
      if (wired) {
        if (wired[0] >= index) throw new Error(`${member.label}: ${name} is wired to a component instantiated after it`);
        continue;
      }
      if (sort !== 'instance') throw new Error(`${member.label} imports a ${sort} (${name}); only interfaces can be composed`);
      const shape = member.info.interfaceShape(name, canonicalOf);
      const list = uses.get(canonicalOf(name)) ?? [];
      list.push({ label: member.label, version: splitVersion(name)[1], shape });
      uses.set(canonicalOf(name), list);
    }
  });
  const shapes = new Map([...uses].map(([name, list]) => [name, mergeShapes(name, list)]));

  // Imported in dependency order: an interface after those whose types it uses.
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string, from: string) => {
    if (ordered.includes(name)) return;
    const shape = shapes.get(name);
    if (!shape) throw new Error(`${from} uses types of ${name}, which a component of the composition provides; such a type cannot be imported`);
    if (visiting.has(name)) throw new Error(`interfaces ${name} and ${from} use each other's types`);
    visiting.add(name);
    for (const id of referencedIds(shape)) if (ownerOf(id) !== name) visit(ownerOf(id), name);
    ordered.push(name);
  };
  for (const name of shapes.keys()) visit(name, name);

  // An interface of types only is defined inside, unless an imported interface uses its types:
  // an import may only use types that come from other imports.
  const imported = new Set([...shapes].filter(([, shape]) => [...shape.values()].some((e) => e.kind !== 'type')).map(([name]) => name));
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of imported) {
      for (const id of referencedIds(shapes.get(name)!)) {
        if (!imported.has(ownerOf(id))) (imported.add(ownerOf(id)), (grew = true));
      }
    }
  }

  const out = new Writer().bytes(COMPONENT_PREAMBLE);
  const instanceOf = new Map<string, number>();
  let instanceCount = 0;
  // Top-level indices of resources and named types: aliases of their interface's export.
  const topAliases = new Map<string, number>();
  const pendingAliases: Writer[] = [];
  const flushAliases = () => {
    if (pendingAliases.length === 0) return;
    const section = new Writer().u32(pendingAliases.length);
    for (const alias of pendingAliases.splice(0)) section.bytes(alias.toBytes());
    out.section(Section.Alias, section);
  };
  // While an interface of types only is defined at the top level: its types defined so far.
  let defining: { name: string; shape: InterfaceShape; defined: Map<string, number> } | undefined;
  const top: TypeSpace = new TypeSpace(
    (def) => {
      flushAliases();
      out.section(Section.Type, new Writer().u32(1).bytes(def.toBytes()));
    },
    (id) => {
      if (defining && ownerOf(id) === defining.name) {
        const known = defining.defined.get(id);
        if (known !== undefined) return known;
        const index = top.index(namedType(defining.shape, id));
        defining.defined.set(id, index);
        return index;
      }
      const known = topAliases.get(id);
      if (known !== undefined) return known;
      const owner = instanceOf.get(ownerOf(id));
      if (owner === undefined) throw new Error(`${id} is used before its interface is imported`);
      pendingAliases.push(new Writer().byte(Sort.Type).byte(0x00).u32(owner).name(exportNameOf(id)));
      const index = top.added();
      topAliases.set(id, index);
      return index;
    },
  );

  for (const name of ordered) {
    const shape = shapes.get(name)!;
    if (!imported.has(name)) {
      // Types only: defined here and gathered in an instance, rather than imported.
      defining = { name, shape, defined: new Map() };
      const entries: Array<[string, number]> = [];
      for (const [exportName, e] of shape) {
        if (e.kind === 'type') entries.push([exportName, e.type.kind === 'resource' ? top.reference(e.type.id) : top.index(e.type)]);
      }
      defining = undefined;
      flushAliases();
      const section = new Writer().u32(1).byte(0x01).u32(entries.length);
      for (const [exportName, index] of entries) section.byte(0x00).name(exportName).byte(Sort.Type).u32(index);
      out.section(Section.Instance, section);
      instanceOf.set(name, instanceCount++);
      continue;
    }
    const decls: Writer[] = [];
    const slots = new Map<string, number>();
    const exportType = (exportName: string, index: number) => {
      decls.push(new Writer().byte(0x04).byte(0x00).name(exportName).byte(0x03).byte(0x00).u32(index));
      return space.added();
    };
    const space: TypeSpace = new TypeSpace(
      (def) => decls.push(new Writer().byte(0x01).bytes(def.toBytes())),
      (id) => {
        const known = slots.get(id);
        if (known !== undefined) return known;
        let index: number;
        if (ownerOf(id) === name) {
          // One of this interface's named types, used before its turn: exported now.
          index = exportType(exportNameOf(id), space.index(namedType(shape, id)));
        } else {
          decls.push(new Writer().byte(0x02).byte(Sort.Type).byte(0x02).u32(1).u32(top.reference(id)));
          index = space.added();
        }
        slots.set(id, index);
        return index;
      },
    );
    for (const [exportName, e] of shape) {
      if (e.kind === 'resource') {
        decls.push(new Writer().byte(0x04).byte(0x00).name(exportName).byte(0x03).byte(0x01));
        slots.set(e.id, space.added());
      } else if (e.kind === 'type') {
        const id = e.type.kind === 'resource' || e.type.kind === 'named' ? e.type.id : undefined;
        const ownTurn = id !== undefined && id === `${name}#${exportName}`;
        if (ownTurn && slots.has(id)) continue;
        if (ownTurn) slots.set(id, exportType(exportName, space.index(namedType(shape, id))));
        else exportType(exportName, e.type.kind === 'resource' ? space.reference(e.type.id) : space.index(e.type));
      } else {
        decls.push(new Writer().byte(0x04).byte(0x00).name(exportName).byte(0x01).u32(space.index(e.type)));
      }
    }
    flushAliases();
    const instanceType = new Writer().byte(0x42).u32(decls.length);
    for (const d of decls) instanceType.bytes(d.toBytes());
    out.section(Section.Type, new Writer().u32(1).bytes(instanceType.toBytes()));
    out.section(Section.Import, new Writer().u32(1).byte(0x00).name(name).byte(0x05).u32(top.added()));
    instanceOf.set(name, instanceCount++);
  }

  members.forEach((member) => out.section(Section.Component, new Writer().bytes(member.bytes)));

  const memberInstances: number[] = [];
  const aliasExport = (member: number, exportName: string): number => {
    out.section(Section.Alias, new Writer().u32(1).byte(Sort.Instance).byte(0x00).u32(memberInstances[member]).name(exportName));
    return instanceCount++;
  };
  members.forEach((member, index) => {
    const args: Array<[string, number]> = [];
    for (const { name } of member.info.imports) {
      const wired = member.wiring.get(name);
      args.push([name, wired ? aliasExport(wired[0], wired[1]) : instanceOf.get(canonicalOf(name))!]);
    }
    const section = new Writer().u32(1).byte(0x00).u32(index).u32(args.length);
    for (const [name, instance] of args) section.name(name).byte(Sort.Instance).u32(instance);
    out.section(Section.Instance, section);
    memberInstances.push(instanceCount++);
  });

  for (const e of exports) {
    const instance = aliasExport(e.member, e.exportName);
    out.section(Section.Export, new Writer().u32(1).byte(0x00).name(e.name).byte(Sort.Instance).u32(instance).byte(0x00));
  }
  return out.toBytes();
}
