// A JSON Schema 2020-12 validator for the schemas tools declare. It runs inside the component,
// where code-generating validators cannot (ajv's bundle holds a Unicode-property regex the
// engine rejects), so it compiles a schema into a tree of closures instead. A schema is compiled
// once, when the tool is defined (at build time, in the component's snapshot): a keyword it
// cannot honour fails the build rather than being skipped silently at run time.
//
// Supported: type, enum, const, multipleOf, minimum, maximum, exclusiveMinimum,
// exclusiveMaximum, minLength, maxLength, pattern, items, prefixItems, minItems, maxItems,
// uniqueItems, contains, minContains, maxContains, properties, patternProperties,
// additionalProperties, required, minProperties, maxProperties, propertyNames,
// dependentRequired, dependentSchemas, allOf, anyOf, oneOf, not, if/then/else, and $ref to a
// JSON pointer inside the same schema ("#", "#/$defs/name", ...). Annotations (title,
// description, default, examples, format, ...) are accepted and not checked. Not supported:
// unevaluatedProperties, unevaluatedItems, $dynamicRef, $anchor and references to other documents.

export type JsonSchemaValue = boolean | { [keyword: string]: unknown };

/** One reason a value does not match: where (a property path, empty at the root) and what. */
export interface SchemaProblem {
  path: string;
  message: string;
}

export type Validator = (value: unknown) => SchemaProblem[];

/** A schema that cannot be compiled (malformed, or using an unsupported keyword). */
export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  '$defs',
  'definitions',
  '$vocabulary',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'format',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);
/** 2020-12 keywords this validator cannot honour: a schema using one is refused. */
const UNSUPPORTED = new Set(['unevaluatedProperties', 'unevaluatedItems', '$dynamicRef', '$dynamicAnchor', '$anchor', '$recursiveRef', '$recursiveAnchor']);
const TYPES = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

type Check = (value: unknown, path: string, problems: SchemaProblem[]) => void;

/** Compiles `schema`; throws SchemaError naming the offending keyword and its location. */
export function compileSchema(schema: JsonSchemaValue): Validator {
  const compiler = new Compiler(schema);
  const check = compiler.compile(schema, '#');
  return (value) => {
    const problems: SchemaProblem[] = [];
    check(value, '', problems);
    return problems;
  };
}

/** The problems as one line: `a.b: expected number, got string; missing required property "c"`. */
export function describeProblems(problems: SchemaProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
}

class Compiler {
  /** Compiled `$ref` targets by pointer; a placeholder breaks the cycle of a recursive schema. */
  private readonly refs = new Map<string, Check>();

  constructor(private readonly root: JsonSchemaValue) {}

  compile(schema: unknown, at: string): Check {
    if (schema === true) return () => {};
    if (schema === false) return (_v, path, problems) => problems.push({ path, message: 'no value is allowed here' });
    if (!isObject(schema)) throw new SchemaError(`${at}: a schema must be an object or a boolean`);
    const checks: Check[] = [];
    for (const [keyword, arg] of Object.entries(schema)) {
      if (ANNOTATIONS.has(keyword) || keyword === 'then' || keyword === 'else' || keyword === 'minContains' || keyword === 'maxContains') continue;
      if (UNSUPPORTED.has(keyword)) throw new SchemaError(`${at}: the JSON Schema keyword "${keyword}" is not supported`);
      const check = this.keyword(keyword, arg, schema, `${at}/${keyword}`);
      if (check) checks.push(check);
    }
    return (value, path, problems) => {
      for (const check of checks) check(value, path, problems);
    };
  }

  // Unknown keywords are ignored, as JSON Schema says (they are annotations).
  private keyword(keyword: string, arg: unknown, schema: Record<string, unknown>, at: string): Check | undefined {
    switch (keyword) {
      case 'type':
        return typeCheck(arg, at);
      case 'enum': {
        if (!Array.isArray(arg)) throw new SchemaError(`${at}: must be an array`);
        return (v, path, problems) => {
          if (!arg.some((option) => jsonEqual(option, v))) problems.push({ path, message: `must be one of ${arg.map(show).join(', ')}` });
        };
      }
      case 'const':
        return (v, path, problems) => {
          if (!jsonEqual(arg, v)) problems.push({ path, message: `must be ${show(arg)}` });
        };
      case 'multipleOf': {
        const n = positiveNumber(arg, at);
        return numeric((v, path, problems) => {
          const q = v / n;
          if (!Number.isInteger(q) && Math.abs(q - Math.round(q)) > 1e-9) problems.push({ path, message: `must be a multiple of ${n}` });
        });
      }
      case 'minimum':
        return bound(arg, at, (v, n) => v >= n, `must be >= ${arg}`);
      case 'maximum':
        return bound(arg, at, (v, n) => v <= n, `must be <= ${arg}`);
      case 'exclusiveMinimum':
        return bound(arg, at, (v, n) => v > n, `must be > ${arg}`);
      case 'exclusiveMaximum':
        return bound(arg, at, (v, n) => v < n, `must be < ${arg}`);
      case 'minLength': {
        const n = count(arg, at);
        return text((v, path, problems) => {
          if (codePoints(v) < n) problems.push({ path, message: `must be at least ${n} characters long` });
        });
      }
      case 'maxLength': {
        const n = count(arg, at);
        return text((v, path, problems) => {
          if (codePoints(v) > n) problems.push({ path, message: `must be at most ${n} characters long` });
        });
      }
      case 'pattern': {
        const re = regex(arg, at);
        return text((v, path, problems) => {
          if (!re.test(v)) problems.push({ path, message: `must match the pattern ${arg}` });
        });
      }
      case 'items': {
        const item = this.compile(arg, at);
        const skip = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
        return list((v, path, problems) => {
          for (let i = skip; i < v.length; i++) item(v[i], `${path}[${i}]`, problems);
        });
      }
      case 'prefixItems': {
        if (!Array.isArray(arg)) throw new SchemaError(`${at}: must be an array of schemas`);
        const items = arg.map((s, i) => this.compile(s, `${at}/${i}`));
        return list((v, path, problems) => {
          for (let i = 0; i < Math.min(items.length, v.length); i++) items[i](v[i], `${path}[${i}]`, problems);
        });
      }
      case 'minItems': {
        const n = count(arg, at);
        return list((v, path, problems) => {
          if (v.length < n) problems.push({ path, message: `must have at least ${n} items` });
        });
      }
      case 'maxItems': {
        const n = count(arg, at);
        return list((v, path, problems) => {
          if (v.length > n) problems.push({ path, message: `must have at most ${n} items` });
        });
      }
      case 'uniqueItems':
        if (arg !== true) return undefined;
        return list((v, path, problems) => {
          if (v.some((x, i) => v.findIndex((y) => jsonEqual(x, y)) !== i)) problems.push({ path, message: 'must not contain duplicate items' });
        });
      case 'contains': {
        const item = this.compile(arg, at);
        const min = schema.minContains === undefined ? 1 : count(schema.minContains, at.replace(/contains$/, 'minContains'));
        const max = schema.maxContains === undefined ? Infinity : count(schema.maxContains, at.replace(/contains$/, 'maxContains'));
        return list((v, path, problems) => {
          const matches = v.filter((x) => passes(item, x)).length;
          if (matches < min) problems.push({ path, message: `must contain at least ${min} matching item${min === 1 ? '' : 's'}` });
          if (matches > max) problems.push({ path, message: `must contain at most ${max} matching items` });
        });
      }
      case 'properties': {
        if (!isObject(arg)) throw new SchemaError(`${at}: must be an object of schemas`);
        const props = Object.entries(arg).map(([name, s]) => [name, this.compile(s, `${at}/${pointerToken(name)}`)] as const);
        return object((v, path, problems) => {
          for (const [name, check] of props) if (Object.hasOwn(v, name)) check(v[name], join(path, name), problems);
        });
      }
      case 'patternProperties': {
        if (!isObject(arg)) throw new SchemaError(`${at}: must be an object of schemas`);
        const patterns = Object.entries(arg).map(([p, s]) => [regex(p, at), this.compile(s, `${at}/${pointerToken(p)}`)] as const);
        return object((v, path, problems) => {
          for (const [key, x] of Object.entries(v)) for (const [re, check] of patterns) if (re.test(key)) check(x, join(path, key), problems);
        });
      }
      case 'additionalProperties': {
        const declared = isObject(schema.properties) ? Object.keys(schema.properties) : [];
        const patterns = isObject(schema.patternProperties) ? Object.keys(schema.patternProperties).map((p) => regex(p, at)) : [];
        const isAdditional = (key: string) => !declared.includes(key) && !patterns.some((re) => re.test(key));
        if (arg === false) {
          return object((v, path, problems) => {
            for (const key of Object.keys(v)) if (isAdditional(key)) problems.push({ path, message: `unexpected property ${show(key)}` });
          });
        }
        const check = this.compile(arg, at);
        return object((v, path, problems) => {
          for (const [key, x] of Object.entries(v)) if (isAdditional(key)) check(x, join(path, key), problems);
        });
      }
      case 'required': {
        if (!Array.isArray(arg) || !arg.every((n) => typeof n === 'string')) throw new SchemaError(`${at}: must be an array of property names`);
        return object((v, path, problems) => {
          for (const name of arg as string[]) if (!Object.hasOwn(v, name)) problems.push({ path, message: `missing required property ${show(name)}` });
        });
      }
      case 'minProperties': {
        const n = count(arg, at);
        return object((v, path, problems) => {
          if (Object.keys(v).length < n) problems.push({ path, message: `must have at least ${n} properties` });
        });
      }
      case 'maxProperties': {
        const n = count(arg, at);
        return object((v, path, problems) => {
          if (Object.keys(v).length > n) problems.push({ path, message: `must have at most ${n} properties` });
        });
      }
      case 'propertyNames': {
        const check = this.compile(arg, at);
        return object((v, path, problems) => {
          for (const key of Object.keys(v)) check(key, join(path, key), problems);
        });
      }
      case 'dependentRequired': {
        if (!isObject(arg)) throw new SchemaError(`${at}: must be an object of property name lists`);
        return object((v, path, problems) => {
          for (const [name, needs] of Object.entries(arg)) {
            if (!Object.hasOwn(v, name) || !Array.isArray(needs)) continue;
            for (const other of needs) if (!Object.hasOwn(v, other)) problems.push({ path, message: `property ${show(other)} is required when ${show(name)} is present` });
          }
        });
      }
      case 'dependentSchemas': {
        if (!isObject(arg)) throw new SchemaError(`${at}: must be an object of schemas`);
        const deps = Object.entries(arg).map(([name, s]) => [name, this.compile(s, `${at}/${pointerToken(name)}`)] as const);
        return object((v, path, problems) => {
          for (const [name, check] of deps) if (Object.hasOwn(v, name)) check(v, path, problems);
        });
      }
      case 'allOf': {
        const all = this.schemaList(arg, at);
        return (v, path, problems) => {
          for (const check of all) check(v, path, problems);
        };
      }
      case 'anyOf': {
        const any = this.schemaList(arg, at);
        return (v, path, problems) => {
          const failures = any.map((check) => run(check, v, path));
          if (failures.every((f) => f.length > 0)) problems.push(...alternatives(failures, path));
        };
      }
      case 'oneOf': {
        const one = this.schemaList(arg, at);
        return (v, path, problems) => {
          const failures = one.map((check) => run(check, v, path));
          const matched = failures.filter((f) => f.length === 0).length;
          if (matched === 0) problems.push(...alternatives(failures, path));
          else if (matched > 1) problems.push({ path, message: `matches ${matched} of the alternatives, where exactly one must match` });
        };
      }
      case 'not': {
        const check = this.compile(arg, at);
        return (v, path, problems) => {
          if (passes(check, v)) problems.push({ path, message: 'matches a schema it must not match' });
        };
      }
      case 'if': {
        const condition = this.compile(arg, at);
        const base = at.slice(0, -'/if'.length);
        const then = schema.then === undefined ? undefined : this.compile(schema.then, `${base}/then`);
        const otherwise = schema.else === undefined ? undefined : this.compile(schema.else, `${base}/else`);
        return (v, path, problems) => {
          const branch = passes(condition, v) ? then : otherwise;
          branch?.(v, path, problems);
        };
      }
      case '$ref':
        return this.reference(arg, at);
      default:
        return undefined;
    }
  }

  private schemaList(arg: unknown, at: string): Check[] {
    if (!Array.isArray(arg) || arg.length === 0) throw new SchemaError(`${at}: must be a non-empty array of schemas`);
    return arg.map((s, i) => this.compile(s, `${at}/${i}`));
  }

  private reference(ref: unknown, at: string): Check {
    if (typeof ref !== 'string' || !ref.startsWith('#')) {
      throw new SchemaError(`${at}: only references inside the schema ("#/$defs/...") are supported, got ${show(ref)}`);
    }
    const known = this.refs.get(ref);
    if (known) return known;
    let compiled: Check | undefined;
    const deferred: Check = (v, path, problems) => compiled!(v, path, problems);
    this.refs.set(ref, deferred);
    compiled = this.compile(resolvePointer(this.root, ref, at), ref);
    return deferred;
  }
}

function typeCheck(arg: unknown, at: string): Check {
  const types = Array.isArray(arg) ? arg : [arg];
  for (const t of types) if (typeof t !== 'string' || !TYPES.includes(t)) throw new SchemaError(`${at}: unknown type ${show(t)}`);
  return (v, path, problems) => {
    if (types.some((t) => hasType(v, t as string))) return;
    const problem = { path, message: `expected ${types.join(' or ')}, got ${typeOf(v)}` };
    wrongTypes.add(problem);
    problems.push(problem);
  };
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    default:
      return typeOf(v) === type;
  }
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

// Each keyword constrains only values of its own type (JSON Schema's rule).
function numeric(check: (v: number, path: string, problems: SchemaProblem[]) => void): Check {
  return (v, path, problems) => typeof v === 'number' && check(v, path, problems);
}
function text(check: (v: string, path: string, problems: SchemaProblem[]) => void): Check {
  return (v, path, problems) => typeof v === 'string' && check(v, path, problems);
}
function list(check: (v: unknown[], path: string, problems: SchemaProblem[]) => void): Check {
  return (v, path, problems) => Array.isArray(v) && check(v, path, problems);
}
function object(check: (v: Record<string, unknown>, path: string, problems: SchemaProblem[]) => void): Check {
  return (v, path, problems) => isObject(v) && check(v, path, problems);
}

function bound(arg: unknown, at: string, ok: (v: number, n: number) => boolean, message: string): Check {
  if (typeof arg !== 'number') throw new SchemaError(`${at}: must be a number`);
  return numeric((v, path, problems) => {
    if (!ok(v, arg)) problems.push({ path, message });
  });
}

function count(arg: unknown, at: string): number {
  if (!Number.isInteger(arg) || (arg as number) < 0) throw new SchemaError(`${at}: must be a non-negative integer`);
  return arg as number;
}

function positiveNumber(arg: unknown, at: string): number {
  if (typeof arg !== 'number' || !(arg > 0)) throw new SchemaError(`${at}: must be a number greater than 0`);
  return arg;
}

function regex(pattern: unknown, at: string): RegExp {
  if (typeof pattern !== 'string') throw new SchemaError(`${at}: must be a regular expression string`);
  try {
    return new RegExp(pattern, 'u');
  } catch (err) {
    throw new SchemaError(`${at}: invalid regular expression ${show(pattern)}: ${(err as Error).message}`);
  }
}

function run(check: Check, v: unknown, path: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  check(v, path, problems);
  return problems;
}

function passes(check: Check, v: unknown): boolean {
  return run(check, v, '').length === 0;
}

/** Type mismatches, told apart from other problems to pick the alternative a value meant. */
const wrongTypes = new WeakSet<SchemaProblem>();

/** Why no alternative matched: the problems of the only one of the value's type, else one line. */
function alternatives(failures: SchemaProblem[][], path: string): SchemaProblem[] {
  const sameType = failures.filter((f) => !f.some((p) => p.path === path && wrongTypes.has(p)));
  if (sameType.length === 1) return sameType[0];
  return [{ path, message: `matches none of the ${failures.length} allowed alternatives` }];
}

function resolvePointer(root: JsonSchemaValue, ref: string, at: string): unknown {
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[token] : undefined;
    if (node === undefined) throw new SchemaError(`${at}: the reference ${show(ref)} points at nothing`);
  }
  return node;
}

function pointerToken(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function join(path: string, key: string): string {
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${name}` : name;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

function show(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}
