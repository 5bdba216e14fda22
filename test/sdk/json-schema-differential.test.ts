// The SDK's JSON Schema validator inside a built component (test/fixtures/schema-verdicts)
// against ajv's 2020-12 validator (with ajv-formats) in Node: generated schemas covering every
// 2020-12 keyword (fixed seed) and every tool schema the examples declare, each with instances
// meant to land on both sides of its keywords. The verdicts must agree, except where ALLOWED
// says why they may not.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { compose } from '@wasmcp-ts/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { example, fixture, VARIANTS } from '../support/artifacts.js';
import { ok, request, send, textOf } from '../support/messages.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaCase = { schema: Json; instances: Json[] };
/** Per case: each instance's verdict (or what ajv threw on it), or why the schema was refused. */
type CaseVerdict = { valid: (boolean | string)[] } | { invalidSchema: string };

/** A verdict that differs: the SDK's (in the component) and ajv's. */
interface Disagreement {
  schema: Json;
  instance?: Json;
  sdk: string;
  ajv: string;
}

/** Disagreements that are known and why; each entry must still be needed (it matches one). */
const ALLOWED: { reason: string; matches: (d: Disagreement) => boolean }[] = [
  {
    reason:
      'multipleOf: ajv tests x / m === parseInt(x / m) on doubles, so it refuses 0.3 for multipleOf 0.1 (0.3 / 0.1 = 2.9999999999999996), ' +
      'and 1e21 for 0.5 (parseInt reads "2e+21" as 2), and accepts 1e21 for 3; the SDK answers as decimal arithmetic does',
    matches: ({ schema, instance }) =>
      typeof instance === 'number' &&
      subschemas(schema).some((s) => typeof s.multipleOf === 'number' && (instance / s.multipleOf === parseInt(String(instance / s.multipleOf))) !== decimalMultiple(instance, s.multipleOf)),
  },
  {
    reason:
      'ajv bug: with prefixItems beside contains, ajv accepts arrays that break contains or unevaluatedItems ' +
      '({ prefixItems: [{ items: {} }], contains: { const: 1 } } accepts []); the SDK refuses them',
    matches: ({ schema, instance, sdk, ajv }) =>
      Array.isArray(instance) && sdk === 'invalid' && ajv === 'valid' && subschemas(schema).some((s) => 'prefixItems' in s && 'contains' in s),
  },
  {
    reason:
      'ajv does not count the items contains matched as evaluated for unevaluatedItems (2020-12 section 11.2 says they are), ' +
      'so it refuses arrays the SDK rightly accepts',
    matches: ({ schema, sdk, ajv }) => sdk === 'valid' && ajv === 'invalid' && subschemas(schema).some((s) => 'unevaluatedItems' in s) && subschemas(schema).some((s) => 'contains' in s),
  },
  {
    reason:
      'the engine\'s regular expressions have no Unicode property escapes (\\p{L}), so the SDK refuses such a pattern when the tool ' +
      'is defined (inside the component only: Node has them); ajv, in Node, accepts it',
    matches: ({ schema, sdk, ajv }) => schema === UNICODE_PROPERTY && sdk.includes('not a regular expression this engine compiles') && !ajv.startsWith('invalid schema'),
  },
  {
    reason: 'ajv cannot resolve a $ref to an $anchor declared on the root schema itself ("can\'t resolve reference #list"); the SDK can',
    matches: ({ schema, ajv }) => subschemas(schema)[0]?.$anchor !== undefined && ajv.includes("can't resolve reference #"),
  },
];

/** Every schema object in `schema`, itself included. */
function subschemas(schema: Json): Record<string, Json>[] {
  if (typeof schema !== 'object' || schema === null) return [];
  if (Array.isArray(schema)) return schema.flatMap(subschemas);
  return [schema, ...Object.values(schema).flatMap(subschemas)];
}

/** Whether x is an integer multiple of m in decimal arithmetic (both as JSON writes them). */
function decimalMultiple(x: number, m: number): boolean {
  const places = Math.max(...[x, m].map((n) => (String(n).split('.')[1] ?? '').length));
  const scaled = (n: number) => BigInt(Math.round(n * 10 ** places));
  return scaled(x) % scaled(m) === 0n;
}

// --- Generation (mulberry32, fixed seed: the same cases on every run) ---------------------------

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(2020_12);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];
const chance = (p: number) => rand() < p;

const KEYS = ['a', 'b', 'c', 'x-1', 'x-2', 'long-name'];
const FORMATS: Record<string, string[]> = {
  date: ['2024-02-29', '2023-02-29', '2024-13-01', 'today'],
  time: ['12:30:00Z', '23:59:60+00:00', '25:00:00Z', '12:30:00'],
  'date-time': ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.123+02:00', '2024-01-02 03:04:05', '2024-01-02'],
  duration: ['P1D', 'PT1H30M', 'P1W', 'P', '1D'],
  email: ['a@example.com', 'first.last@sub.example.org', 'no-at-sign', 'a@@b'],
  hostname: ['example.com', 'a-b.c', '-bad.com', 'x'.repeat(64) + '.com'],
  ipv4: ['192.168.0.1', '256.1.1.1', '1.2.3'],
  ipv6: ['::1', '2001:db8::8a2e:370:7334', '1::2::3', 'g::1'],
  uri: ['https://example.com/a?b#c', 'urn:isbn:0451450523', '/relative', 'http://exa mple.com'],
  'uri-reference': ['/relative/path', 'https://example.com', '#frag', 'a b'],
  'uri-template': ['/users/{id}', 'https://x/{+path}', '/bad/{id'],
  url: ['https://example.com/x?y=1', 'ftp://files.example.org/a', 'http://localhost', 'https://exämple.com', 'not a url'],
  uuid: ['123e4567-e89b-12d3-a456-426614174000', '123e4567e89b12d3a456426614174000', 'not-a-uuid'],
  'json-pointer': ['', '/a/b', '/a~1b', 'a/b', '/a~2'],
  'relative-json-pointer': ['0', '1/a', '2#', '/a', '-1'],
  regex: ['^a+$', '[a-z]{2,}', '(unclosed', '\\d+'],
};
const STRINGS = ['', 'a', 'b', 'ab', 'abc', 'hello world', 'x-1', 'A1', '😀', 'ü', ...Object.values(FORMATS).flat()];
const NUMBERS = [0, 1, -1, 2, 3, 5, 7.5, 10, 0.1, 0.3, -2.5, 100, 1e21, 2.5];

function value(depth: number): Json {
  switch (int(depth > 0 ? 7 : 5)) {
    case 0:
      return null;
    case 1:
      return chance(0.5);
    case 2:
      return pick(NUMBERS);
    case 3:
    case 4:
      return pick(STRINGS);
    case 5:
      return Array.from({ length: int(5) }, () => value(depth - 1));
    default: {
      const object: Record<string, Json> = {};
      for (let i = int(4); i > 0; i--) object[pick(KEYS)] = value(depth - 1);
      return object;
    }
  }
}

const TYPES = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];

/** A schema nested `depth` deep, drawing 1-3 keywords of 2020-12 at each level; it may refer to `defs` (`#/$defs/name`), `anchors`, and the root. */
function schema(depth: number, defs: string[], anchors: string[], deeper: boolean): Json {
  if (chance(0.08)) return chance(0.7);
  const s: Record<string, Json> = {};
  // `sub` applies to the same instance, `inner` to a part of it: only below an `inner` may a
  // schema refer back to the root, so every recursion reads deeper into the instance and ends.
  const make = (below: boolean) => (depth > 0 ? schema(depth - 1, defs, anchors, below) : chance(0.5) ? { type: pick(TYPES) } : chance(0.5));
  const sub = () => make(deeper);
  const inner = () => make(true);
  const inners = () => Array.from({ length: 1 + int(3) }, inner);
  const subs = () => Array.from({ length: 1 + int(3) }, sub);
  const props = () => Object.fromEntries(Array.from({ length: 1 + int(3) }, () => [pick(KEYS), inner()]));
  for (let n = 1 + int(3); n > 0; n--) {
    switch (int(50)) {
      case 0: case 1: case 2:
        s.type = chance(0.8) ? pick(TYPES) : [...new Set([pick(TYPES), pick(TYPES)])];
        break;
      case 3:
        s.enum = Array.from({ length: 1 + int(3) }, () => value(1));
        break;
      case 4:
        s.const = value(1);
        break;
      case 5:
        s.multipleOf = pick([1, 2, 0.5, 0.1, 3]);
        break;
      case 6:
        s.minimum = pick(NUMBERS);
        break;
      case 7:
        s.maximum = pick(NUMBERS);
        break;
      case 8:
        s.exclusiveMinimum = pick(NUMBERS);
        break;
      case 9:
        s.exclusiveMaximum = pick(NUMBERS);
        break;
      case 10:
        s.minLength = int(4);
        break;
      case 11:
        s.maxLength = int(4);
        break;
      case 12:
        s.pattern = pick(['^a', 'b$', '^[a-z]+$', '\\d', '^x-', '.', '😀', '^.{2}$']);
        break;
      case 13:
        s.format = pick(Object.keys(FORMATS));
        break;
      case 14:
        s.items = inner();
        break;
      case 15:
        s.prefixItems = inners();
        break;
      case 16:
        s.contains = inner();
        break;
      case 17:
        s.contains = inner();
        if (chance(0.5)) s.minContains = int(3);
        if (chance(0.5)) s.maxContains = int(3);
        break;
      case 18:
        s.minItems = int(4);
        break;
      case 19:
        s.maxItems = int(4);
        break;
      case 20:
        s.uniqueItems = chance(0.8);
        break;
      case 21:
        s.properties = props();
        break;
      case 22:
        s.patternProperties = { [pick(['^x-', '^a', 'e', '^[a-c]$'])]: inner() };
        break;
      case 23:
        s.additionalProperties = inner();
        break;
      case 24:
        s.required = [...new Set([pick(KEYS), pick(KEYS)])];
        break;
      case 25:
        s.minProperties = int(3);
        break;
      case 26:
        s.maxProperties = int(3);
        break;
      case 27:
        s.propertyNames = chance(0.5) ? { maxLength: 1 + int(3) } : inner();
        break;
      case 28:
        s.dependentRequired = { [pick(KEYS)]: [pick(KEYS)] };
        break;
      case 29:
        s.dependentSchemas = { [pick(KEYS)]: sub() };
        break;
      case 30:
        s.allOf = subs();
        break;
      case 31:
        s.anyOf = subs();
        break;
      case 32:
        s.oneOf = subs();
        break;
      case 33:
        s.not = sub();
        break;
      case 34:
        s.if = sub();
        if (chance(0.8)) s.then = sub();
        if (chance(0.8)) s.else = sub();
        break;
      case 35: case 36:
        s.unevaluatedProperties = inner();
        if (chance(0.7)) s.properties = props();
        if (chance(0.5)) s.allOf = [{ properties: props() }];
        break;
      case 37: case 38:
        s.unevaluatedItems = inner();
        if (chance(0.7)) s.prefixItems = inners();
        if (chance(0.4)) s.contains = inner();
        break;
      case 39: case 40:
        if (defs.length) s.$ref = `#/$defs/${pick(defs)}`;
        break;
      case 41:
        if (anchors.length) s.$ref = `#${pick(anchors)}`;
        break;
      case 42:
        // ajv resolves a $dynamicRef only to a $dynamicAnchor at the root of a schema resource.
        if (deeper) s.$dynamicRef = '#root';
        else if (anchors.length) s.$ref = `#${pick(anchors)}`;
        break;
      case 43:
        s.title = 'A title';
        s.description = 'A description';
        s.$comment = 'a comment';
        break;
      case 44:
        s.default = value(1);
        s.examples = [value(1)];
        s.deprecated = chance(0.5);
        s.readOnly = chance(0.5);
        s.writeOnly = chance(0.5);
        break;
      case 45:
        s.contentEncoding = 'base64';
        s.contentMediaType = 'application/json';
        s.contentSchema = inner();
        break;
      case 46:
        s.type = 'object';
        s.properties = props();
        s.additionalProperties = false;
        break;
      case 47:
        s.type = 'array';
        s.items = inner();
        break;
      default:
        s.type = pick(TYPES);
        break;
    }
  }
  return s;
}

/** A root schema: `$defs` (some with an `$anchor` or a `$dynamicAnchor`), refs to them, and the rest. */
function rootSchema(): Json {
  const names = chance(0.4) ? ['node', 'leaf'].slice(0, 1 + int(2)) : [];
  const anchors: string[] = [];
  const defs: Record<string, Json> = {};
  for (const [i, name] of names.entries()) {
    // A definition refers only to those before it: a cycle of references that reads no deeper
    // into the instance never ends, in any validator (recursion: see RECURSIVE).
    const def = schema(1, names.slice(0, i), [], false) as Record<string, Json> | boolean;
    if (typeof def === 'object' && chance(0.5)) {
      const anchor = `${name}Anchor`;
      def.$anchor = anchor;
      anchors.push(anchor);
    }
    defs[name] = def;
  }
  const root = schema(2, names, anchors, false);
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return root;
  root.$dynamicAnchor = 'root';
  if (names.length) root.$defs = defs;
  if (chance(0.1)) root.$schema = 'https://json-schema.org/draft/2020-12/schema';
  if (chance(0.05)) root.$id = 'https://example.com/schemas/root.json';
  return root;
}

/** Recursive schemas, through `$ref`, `$anchor` and `$dynamicRef`. */
const RECURSIVE: Json[] = [
  {
    $defs: { node: { type: 'object', properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, required: ['value'] } },
    $ref: '#/$defs/node',
  },
  {
    $dynamicAnchor: 'tree',
    type: 'object',
    properties: { a: { type: 'string' }, b: { $dynamicRef: '#tree' }, c: { type: 'array', items: { $dynamicRef: '#tree' } } },
    unevaluatedProperties: false,
  },
  { $anchor: 'list', type: 'array', prefixItems: [{ type: 'integer' }], items: { $ref: '#list' }, maxItems: 3 },
];

/** A pattern the engine cannot compile, though Node can: the SDK refuses it when the tool is defined. */
const UNICODE_PROPERTY: Json = { type: 'string', pattern: '^\\p{L}+$' };

/** Schemas both validators must refuse, one per kind of mistake. */
const MALFORMED: Json[] = [
  { type: 'text' },
  { type: [] },
  { minLength: -1 },
  { maxItems: 1.5 },
  { multipleOf: 0 },
  { required: 'a' },
  { required: ['a', 'a'] },
  { pattern: '(' },
  { patternProperties: { '[': {} } },
  { items: [{ type: 'string' }] },
  { allOf: [] },
  { properties: { a: 3 } },
  { $ref: '#/$defs/missing' },
  { $ref: '#missingAnchor' },
  { enum: 'a' },
  { dependentRequired: { a: 'b' } },
  { $anchor: '1bad' },
  { uniqueItems: 'yes' },
  { minimum: '1' },
];

/** Instances for a schema: random values, plus objects and arrays built from the names it uses. */
function instancesFor(schema: Json, count: number): Json[] {
  const names = [...new Set(JSON.stringify(schema).match(/"([^"\\]{1,20})":/g)?.map((m) => m.slice(1, -2)) ?? [])];
  return Array.from({ length: count }, () => {
    if (chance(0.4)) {
      const object: Record<string, Json> = {};
      for (let i = int(4); i > 0; i--) object[chance(0.7) && names.length ? pick(names) : pick(KEYS)] = value(2);
      return object;
    }
    return value(2);
  });
}

// --- The two validators ----------------------------------------------------------------------------

function ajvVerdicts(cases: SchemaCase[]): CaseVerdict[] {
  const ajv = new Ajv2020({ strict: false, logger: false, allErrors: false });
  addFormats(ajv);
  return cases.map(({ schema, instances }) => {
    let validate;
    try {
      validate = ajv.compile(schema as object);
    } catch (err) {
      return { invalidSchema: (err as Error).message };
    } finally {
      ajv.removeSchema();
    }
    return {
      valid: instances.map((instance) => {
        try {
          return validate(instance) as boolean;
        } catch (err) {
          return `ajv threw: ${(err as Error).message}`;
        }
      }),
    };
  });
}

function verdictText(v: CaseVerdict, i: number): string {
  if ('invalidSchema' in v) return `invalid schema (${v.invalidSchema})`;
  const verdict = v.valid[i];
  return typeof verdict === 'string' ? verdict : verdict ? 'valid' : 'invalid';
}

function disagreements(cases: SchemaCase[], sdk: CaseVerdict[], ajv: CaseVerdict[]): Disagreement[] {
  const found: Disagreement[] = [];
  cases.forEach(({ schema, instances }, c) => {
    const [ours, theirs] = [sdk[c], ajv[c]];
    if ('invalidSchema' in ours || 'invalidSchema' in theirs) {
      if ('invalidSchema' in ours !== 'invalidSchema' in theirs) found.push({ schema, sdk: verdictText(ours, 0), ajv: verdictText(theirs, 0) });
      return;
    }
    instances.forEach((instance, i) => {
      if (ours.valid[i] !== theirs.valid[i]) found.push({ schema, instance, sdk: verdictText(ours, i), ajv: verdictText(theirs, i) });
    });
  });
  return found;
}

// --- The test ----------------------------------------------------------------------------------------

const GENERATED: SchemaCase[] = Array.from({ length: 600 }, () => {
  const schema = rootSchema();
  return { schema, instances: instancesFor(schema, 8) };
});
const MALFORMED_CASES: SchemaCase[] = MALFORMED.map((schema) => ({ schema, instances: [null] }));
const RECURSIVE_CASES: SchemaCase[] = RECURSIVE.map((schema) => ({ schema, instances: instancesFor(schema, 40) }));
const ENGINE_CASES: SchemaCase[] = [{ schema: UNICODE_PROPERTY, instances: ['abc', '123'] }];

/** Every input and output schema the example components list. */
async function exampleSchemas(): Promise<Json[]> {
  const components = ['calculator', 'string-tools', 'conformance'].map((name) => example(name, 'draft'));
  const { handler } = await compose({ components, variant: 'draft' });
  const { tools } = ok(send(handler, request({ tag: 'tools-list', val: {} })), 'tools-list');
  return tools.flatMap((tool) => [JSON.parse(tool.inputSchema), ...(tool.options?.outputSchema ? [JSON.parse(tool.options.outputSchema)] : [])]);
}

describe('the SDK\'s JSON Schema validator agrees with ajv (2020-12)', () => {
  let cases: SchemaCase[];
  let ajv: CaseVerdict[];
  let examples: SchemaCase[];

  beforeAll(async () => {
    examples = (await exampleSchemas()).map((schema) => ({ schema, instances: instancesFor(schema, 30) }));
    cases = [...GENERATED, ...MALFORMED_CASES, ...RECURSIVE_CASES, ...ENGINE_CASES, ...examples];
    ajv = ajvVerdicts(cases);
  });

  it('generates cases that use every 2020-12 keyword, a few thousand pairs, both verdicts', () => {
    const used = new Set(JSON.stringify(GENERATED.map((c) => c.schema)).match(/"(\$?[A-Za-z]+)":/g)?.map((m) => m.slice(1, -2)));
    const keywords = [
      '$schema', '$id', '$ref', '$anchor', '$dynamicRef', '$dynamicAnchor', '$defs', '$comment',
      'prefixItems', 'items', 'contains', 'additionalProperties', 'properties', 'patternProperties', 'dependentSchemas', 'propertyNames',
      'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not', 'unevaluatedItems', 'unevaluatedProperties',
      'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern',
      'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains', 'maxProperties', 'minProperties', 'required', 'dependentRequired',
      'title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples', 'format', 'contentEncoding', 'contentMediaType', 'contentSchema',
    ];
    expect(keywords.filter((k) => !used.has(k))).toEqual([]);
    const verdicts = ajv.flatMap((v) => ('valid' in v ? v.valid : [])).filter((v) => typeof v === 'boolean');
    expect(verdicts.length).toBeGreaterThan(3000);
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(verdicts.length / 5);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(verdicts.length / 5);
    expect(ajv.slice(GENERATED.length, GENERATED.length + MALFORMED.length).every((v) => 'invalidSchema' in v)).toBe(true);
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(VARIANTS)('inside the component (%s): every verdict agrees, or the disagreement is allowed with its reason', async (variant) => {
    const { handler } = await compose({ components: [fixture('schema-verdicts', variant)], variant });
    const result = ok(send(handler, request({ tag: 'tools-call', val: { name: 'verdicts', arguments: JSON.stringify({ cases }) } })), 'tools-call');
    expect(result.isError).toBeFalsy();
    const sdk = JSON.parse(textOf(result)) as CaseVerdict[];
    expect(sdk).toHaveLength(cases.length);
    const found = disagreements(cases, sdk, ajv);
    const unexplained = found.filter((d) => !ALLOWED.some((a) => a.matches(d)));
    expect(unexplained).toEqual([]);
    const unneeded = ALLOWED.filter((a) => !found.some((d) => a.matches(d))).map((a) => a.reason);
    expect(unneeded).toEqual([]);
  });
});
