// JSON Schema 2020-12 validation for the schemas tools declare, by @cfworker/json-schema (no
// code generation, so it runs inside the component; the build defines `self` away, see
// component-build.mjs). A schema is compiled once, when the tool is defined (at build time, in
// the component's snapshot): it is checked against the 2020-12 meta-schema there, so a malformed
// schema, a regular expression the engine cannot compile or a reference that points at nothing
// fails the build with its location instead of failing a call.
//
// The exceptions: a `$ref` to another document (nothing is fetched), and `$dynamicRef` across
// schema resources embedded with `$id` (the validator has no `$dynamicRef`; inside one resource
// it means the same as `$ref`, which is what it is rewritten to).
import { dereference, validate, type OutputUnit, type Schema } from '@cfworker/json-schema';

export type JsonSchemaValue = boolean | { [keyword: string]: unknown };

/** Checks a value; returns its problems (`path: what`), none when it matches. */
export type JsonSchemaCheck = (value: unknown) => string[];

/** A schema that cannot be compiled; the message starts with the schema location (`#/properties/a`). */
export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

/** Compiles `schema`; throws SchemaError naming the offending location. */
export function compileJsonSchema(schema: JsonSchemaValue): JsonSchemaCheck {
  const meta = validate(schema, META_SCHEMA as Schema, '2020-12', metaLookup, false);
  if (!meta.valid) throw new SchemaError(metaProblem(meta.errors));
  // A copy: the validator marks the objects it is given, and the author's may be shared.
  const copy = JSON.parse(JSON.stringify(schema)) as JsonSchemaValue;
  replaceDynamicReferences(copy);
  let lookup: Record<string, Schema | boolean>;
  try {
    lookup = dereference(copy as Schema);
  } catch (err) {
    throw new SchemaError(`#: ${(err as Error).message}`);
  }
  checkReferences(lookup);
  checkEndlessReferences(copy, lookup);
  return (value) => {
    const result = validate(value, copy as Schema, '2020-12', lookup, false);
    return result.valid ? [] : describeErrors(result.errors);
  };
}

// The 2020-12 meta-schema, its seven vocabularies merged into one resource so that the
// meta-schema's own `$dynamicRef: "#meta"` becomes `$ref: "#"`; `format: regex` is asserted, so
// a pattern the engine cannot compile is refused here.
const META_SCHEMA = {
  $defs: {
    schemaArray: { type: 'array', minItems: 1, items: { $ref: '#' } },
    schemaMap: { type: 'object', additionalProperties: { $ref: '#' } },
    nonNegativeInteger: { type: 'integer', minimum: 0 },
    stringArray: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    simpleTypes: { enum: ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] },
    anchorString: { type: 'string', pattern: '^[A-Za-z_][-A-Za-z0-9._]*$' },
    uriString: { type: 'string', format: 'uri' },
    uriReferenceString: { type: 'string', format: 'uri-reference' },
    regex: { type: 'string', format: 'regex' },
  },
  type: ['object', 'boolean'],
  properties: {
    $id: { $ref: '#/$defs/uriReferenceString', pattern: '^[^#]*#?$' },
    $schema: { $ref: '#/$defs/uriString' },
    $ref: { $ref: '#/$defs/uriReferenceString' },
    $anchor: { $ref: '#/$defs/anchorString' },
    $dynamicRef: { $ref: '#/$defs/uriReferenceString' },
    $dynamicAnchor: { $ref: '#/$defs/anchorString' },
    $vocabulary: { type: 'object', propertyNames: { $ref: '#/$defs/uriString' }, additionalProperties: { type: 'boolean' } },
    $comment: { type: 'string' },
    $defs: { $ref: '#/$defs/schemaMap' },
    prefixItems: { $ref: '#/$defs/schemaArray' },
    items: { $ref: '#' },
    contains: { $ref: '#' },
    additionalProperties: { $ref: '#' },
    properties: { $ref: '#/$defs/schemaMap' },
    patternProperties: { $ref: '#/$defs/schemaMap', propertyNames: { $ref: '#/$defs/regex' } },
    dependentSchemas: { $ref: '#/$defs/schemaMap' },
    propertyNames: { $ref: '#' },
    if: { $ref: '#' },
    then: { $ref: '#' },
    else: { $ref: '#' },
    allOf: { $ref: '#/$defs/schemaArray' },
    anyOf: { $ref: '#/$defs/schemaArray' },
    oneOf: { $ref: '#/$defs/schemaArray' },
    not: { $ref: '#' },
    unevaluatedItems: { $ref: '#' },
    unevaluatedProperties: { $ref: '#' },
    type: { anyOf: [{ $ref: '#/$defs/simpleTypes' }, { type: 'array', items: { $ref: '#/$defs/simpleTypes' }, minItems: 1, uniqueItems: true }] },
    enum: { type: 'array' },
    multipleOf: { type: 'number', exclusiveMinimum: 0 },
    maximum: { type: 'number' },
    exclusiveMaximum: { type: 'number' },
    minimum: { type: 'number' },
    exclusiveMinimum: { type: 'number' },
    maxLength: { $ref: '#/$defs/nonNegativeInteger' },
    minLength: { $ref: '#/$defs/nonNegativeInteger' },
    pattern: { $ref: '#/$defs/regex' },
    maxItems: { $ref: '#/$defs/nonNegativeInteger' },
    minItems: { $ref: '#/$defs/nonNegativeInteger' },
    uniqueItems: { type: 'boolean' },
    maxContains: { $ref: '#/$defs/nonNegativeInteger' },
    minContains: { $ref: '#/$defs/nonNegativeInteger' },
    maxProperties: { $ref: '#/$defs/nonNegativeInteger' },
    minProperties: { $ref: '#/$defs/nonNegativeInteger' },
    required: { $ref: '#/$defs/stringArray' },
    dependentRequired: { type: 'object', additionalProperties: { $ref: '#/$defs/stringArray' } },
    title: { type: 'string' },
    description: { type: 'string' },
    deprecated: { type: 'boolean' },
    readOnly: { type: 'boolean' },
    writeOnly: { type: 'boolean' },
    examples: { type: 'array' },
    format: { type: 'string' },
    contentEncoding: { type: 'string' },
    contentMediaType: { type: 'string' },
    contentSchema: { $ref: '#' },
  },
};
const metaLookup = dereference(META_SCHEMA as Schema);

/** The deepest place the meta-schema found wrong, as `#/pointer: what`. */
function metaProblem(errors: OutputUnit[]): string {
  const explaining = errors.filter((u) => !WRAPPERS.has(u.keyword) && !SUMMARIES.has(u.keyword));
  const unit = (explaining.length ? explaining : errors).reduce((deepest, u) => (u.instanceLocation.length > deepest.instanceLocation.length ? u : deepest));
  const at = unit.instanceLocation;
  if (unit.keyword === 'format' && unit.error.includes('"regex"')) {
    return `${at}: not a regular expression this engine compiles (ECMA-262 with the u flag; it has no Unicode property escapes such as \\p{L})`;
  }
  if (unit.keyword === 'type' && at === '#') return '#: a schema must be an object or a boolean';
  return `${at}: ${unit.keyword === 'false' ? 'not allowed here' : message(unit)} (not a valid JSON Schema 2020-12)`;
}

// Subschema positions, to walk a schema the way the validator does.
const SCHEMA_KEYWORDS = new Set(['items', 'contains', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema']);
const SCHEMA_LIST_KEYWORDS = new Set(['prefixItems', 'allOf', 'anyOf', 'oneOf']);
const SCHEMA_MAP_KEYWORDS = new Set(['$defs', 'properties', 'patternProperties', 'dependentSchemas']);

function eachSchemaObject(schema: unknown, visit: (schema: Record<string, unknown>, isRoot: boolean) => void, isRoot = true): void {
  if (!isObject(schema)) return;
  visit(schema, isRoot);
  for (const [keyword, arg] of Object.entries(schema)) {
    if (SCHEMA_KEYWORDS.has(keyword)) eachSchemaObject(arg, visit, false);
    else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(arg)) for (const s of arg) eachSchemaObject(s, visit, false);
    else if (SCHEMA_MAP_KEYWORDS.has(keyword) && isObject(arg)) for (const s of Object.values(arg)) eachSchemaObject(s, visit, false);
  }
}

// Within one schema resource the dynamic scope holds only that resource, so `$dynamicRef`
// resolves as `$ref` does, and a `$dynamicAnchor` is a plain anchor.
function replaceDynamicReferences(schema: JsonSchemaValue): void {
  let dynamic = false;
  let embedded = false;
  eachSchemaObject(schema, (s, isRoot) => {
    if ('$dynamicRef' in s || '$dynamicAnchor' in s) dynamic = true;
    if (!isRoot && '$id' in s) embedded = true;
  });
  if (!dynamic) return;
  if (embedded) throw new SchemaError('#: $dynamicRef and $dynamicAnchor are supported within one schema resource, not across resources embedded with $id');
  eachSchemaObject(schema, (s) => {
    if (typeof s.$dynamicAnchor === 'string' && s.$anchor === undefined) s.$anchor = s.$dynamicAnchor;
    if (typeof s.$dynamicRef === 'string') {
      // A sibling $ref would be replaced; both apply, so the second moves into an allOf.
      if (s.$ref === undefined) s.$ref = s.$dynamicRef;
      else s.allOf = [...(Array.isArray(s.allOf) ? s.allOf : []), { $ref: s.$dynamicRef }];
    }
    delete s.$dynamicRef;
    delete s.$dynamicAnchor;
  });
}

/** Every `$ref` must resolve inside the schema: nothing is fetched. */
function checkReferences(lookup: Record<string, Schema | boolean>): void {
  for (const [uri, schema] of Object.entries(lookup)) {
    if (!isObject(schema) || typeof schema.$ref !== 'string') continue;
    const target = (schema as Schema).__absolute_ref__ ?? schema.$ref;
    if (lookup[target] !== undefined) continue;
    const at = `#${uri.split('#')[1] ?? ''}/$ref`;
    if (schema.$ref.startsWith('#')) throw new SchemaError(`${at}: the reference ${JSON.stringify(schema.$ref)} points at nothing`);
    throw new SchemaError(`${at}: the reference ${JSON.stringify(schema.$ref)} is not inside this schema, and other documents are not fetched`);
  }
}

// Keywords that apply their subschemas to the same value (the others read into its items or properties).
const IN_PLACE_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas'];

/**
 * A `$ref` that leads back to itself through keywords applying to the same value would recurse
 * without end on every call: refused here, naming the reference.
 */
function checkEndlessReferences(root: JsonSchemaValue, lookup: Record<string, Schema | boolean>): void {
  const done = new Set<object>();
  const visiting = new Set<object>();
  const visit = (schema: unknown): void => {
    if (!isObject(schema) || done.has(schema)) return;
    if (visiting.has(schema)) {
      const at = `#${((schema as Schema).__absolute_uri__ ?? '').split('#')[1] ?? ''}`;
      throw new SchemaError(`${at}: the references here lead back to this schema without reading deeper into the value, so checking would never end`);
    }
    visiting.add(schema);
    if (typeof schema.$ref === 'string') visit(lookup[(schema as Schema).__absolute_ref__ ?? schema.$ref]);
    for (const keyword of IN_PLACE_KEYWORDS) {
      const arg = schema[keyword];
      if (Array.isArray(arg)) arg.forEach(visit);
      else if (keyword === 'dependentSchemas' && isObject(arg)) Object.values(arg).forEach(visit);
      else visit(arg);
    }
    visiting.delete(schema);
    done.add(schema);
  };
  for (const schema of [root, ...Object.values(lookup)]) visit(schema);
}

// Keywords whose failure is explained by the failures inside their subschemas, reported after them.
const WRAPPERS = new Set(['$ref', 'properties', 'patternProperties', 'items', 'prefixItems', 'allOf', 'if', 'dependentSchemas']);
// Keywords whose subschemas' failures are only attempts (alternatives, `not`, searches): one line says it.
const SUMMARIES = new Set(['anyOf', 'oneOf', 'not', 'contains', 'minContains', 'maxContains', 'propertyNames']);
const CLOSED = new Set(['additionalProperties', 'unevaluatedProperties', 'unevaluatedItems']);

/** The validator's output units as problems: `a.b[0]: what`, one per failure that explains itself. */
function describeErrors(errors: OutputUnit[]): string[] {
  // A summary's subschema failures can come before it (minContains) or after it: find them by location.
  const summaries = errors.filter((u) => SUMMARIES.has(u.keyword)).map((u) => u.keywordLocation.replace(/\/(minContains|maxContains)$/, '/contains'));
  const problems: string[] = [];
  let hiding = false;
  for (let i = 0; i < errors.length; i++) {
    const unit = errors[i];
    // A `false` schema's unit carries the instance location as its keyword location: it belongs to the unit before it.
    if (unit.keyword === 'false' ? hiding : summaries.some((s) => unit.keywordLocation.startsWith(`${s}/`))) {
      hiding = true;
      continue;
    }
    hiding = false;
    if (WRAPPERS.has(unit.keyword)) continue;
    const path = instancePath(unit.instanceLocation);
    if (CLOSED.has(unit.keyword)) {
      const next = errors[i + 1];
      if (next?.keyword === 'false') {
        const [, key] = /^Property "(.*)" does not match/s.exec(unit.error) ?? [];
        problems.push(at(path, key === undefined ? `unexpected item at ${instancePath(next.instanceLocation)}` : `unexpected property ${JSON.stringify(key)}`));
        i++;
      }
      continue;
    }
    problems.push(at(path, unit.keyword === 'false' ? 'no value is allowed here' : message(unit)));
    if (SUMMARIES.has(unit.keyword)) hiding = true;
  }
  return problems;
}

/** One unit's failure in words; bounds are said the short way (`must be <= 10`). */
function message(unit: OutputUnit): string {
  const last = /(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\)?\.$/i.exec(unit.error)?.[1];
  switch (unit.keyword) {
    case 'type': {
      const [, got, expected] = /Instance type "(\w+)" is invalid\. Expected "(.*)"\./.exec(unit.error) ?? [];
      return got ? `expected ${expected.split('", "').join(' or ')}, got ${got}` : unit.error;
    }
    case 'required': {
      const [, name] = /property "(.*)"\.$/s.exec(unit.error) ?? [];
      return name === undefined ? unit.error : `missing required property ${JSON.stringify(name)}`;
    }
    case 'minimum':
      return unit.error.includes('or equal to') ? `must be > ${last}` : `must be >= ${last}`;
    case 'maximum':
      return unit.error.includes('or equal to') ? `must be < ${last}` : `must be <= ${last}`;
    case 'exclusiveMinimum':
      return `must be > ${last}`;
    case 'exclusiveMaximum':
      return `must be < ${last}`;
    case 'minItems':
      return `must have at least ${last} items`;
    case 'maxItems':
      return `must have at most ${last} items`;
    case 'minLength':
      return `must be at least ${last} characters long`;
    case 'maxLength':
      return `must be at most ${last} characters long`;
    case 'anyOf':
      return 'matches none of the allowed alternatives';
    case 'format':
      return `must be a valid ${/"(.*)"/.exec(unit.error)?.[1]}`;
    case 'not':
      return 'matches a schema it must not match';
    default:
      return unit.error.replace(/\.$/, '');
  }
}

function at(path: string, what: string): string {
  return path ? `${path}: ${what}` : what;
}

/** `#/a/0/b c` as `a[0]."b c"`. */
function instancePath(location: string): string {
  let path = '';
  for (const raw of location.split('/').slice(1)) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^(0|[1-9]\d*)$/.test(token)) path += `[${token}]`;
    else path += `${path ? '.' : ''}${/^[A-Za-z_$][\w$]*$/.test(token) ? token : JSON.stringify(token)}`;
  }
  return path;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
