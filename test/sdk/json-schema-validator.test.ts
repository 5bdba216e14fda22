// The SDK's JSON Schema validator on its own (plain TypeScript in Node, no component): its
// messages and the schemas it refuses when a tool is defined. Its verdicts are compared with
// ajv's, inside a component, in json-schema-differential.test.ts.
import { describe, expect, it } from 'vitest';
import { compileJsonSchema, type JsonSchemaValue } from '../../packages/sdk/src/json-schema-validator.js';

const check = (schema: JsonSchemaValue, value: unknown) => compileJsonSchema(schema)(value).join('; ');

describe('JSON Schema validator', () => {
  const order = {
    type: 'object',
    properties: { item: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } },
    required: ['item', 'quantity'],
    additionalProperties: false,
  };

  it('accepts a matching value', () => {
    expect(check(order, { item: 'tea', quantity: 2 })).toBe('');
  });

  it('names a wrong type, a missing required property and an extra property', () => {
    expect(check(order, { item: 5, quantity: 2 })).toBe('item: expected string, got number');
    expect(check(order, { item: 'tea' })).toBe('missing required property "quantity"');
    expect(check(order, { item: 'tea', quantity: 1, color: 'red' })).toBe('unexpected property "color"');
    expect(check(order, { item: 'tea', quantity: 0.5 })).toBe('quantity: expected integer, got number; quantity: must be >= 1');
  });

  it('checks numbers, strings and arrays', () => {
    expect(check({ type: 'number', exclusiveMaximum: 10, multipleOf: 0.5 }, 10)).toBe('must be < 10');
    expect(check({ type: 'number', multipleOf: 0.1 }, 0.3)).toBe('');
    expect(check({ type: 'number', multipleOf: 0.5 }, 0.3)).toBe('0.3 is not a multiple of 0.5');
    expect(check({ type: 'string', minLength: 2, maxLength: 3 }, '😀')).toBe('must be at least 2 characters long');
    expect(check({ type: 'string', pattern: '^[a-z]+$' }, 'Abc')).toBe('String does not match pattern');
    expect(check({ type: 'array', items: { type: 'string' }, maxItems: 2, uniqueItems: true }, ['a', 'a', 3])).toBe(
      'must have at most 2 items; [2]: expected string, got number; Duplicate items at indexes 0 and 1',
    );
    expect(check({ type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } }, ['a', 1, 'b'])).toBe('[2]: expected number, got string');
    expect(check({ type: 'array', contains: { const: 1 }, maxContains: 1 }, [1, 1])).toBe('Array may contain at most 1 items matching schema. 2 items were found');
  });

  it('checks enum, const and JSON types exactly', () => {
    expect(check({ enum: ['a', 1, null, { x: [1] }] }, { x: [1] })).toBe('');
    expect(check({ enum: ['a', 'b'] }, 'c')).toBe('Instance does not match any of ["a","b"]');
    expect(check({ const: 0 }, false)).toBe('Instance does not match 0');
    expect(check({ type: ['string', 'null'] }, null)).toBe('');
    expect(check({ type: 'object' }, [])).toBe('expected object, got array');
  });

  it('checks the combinators and conditionals, with one line for a failed choice', () => {
    const either = { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] };
    expect(check(either, 'x')).toBe('');
    expect(check(either, true)).toBe('matches none of the allowed alternatives');
    expect(check({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 2)).toBe('Instance does not match exactly one subschema (2 matches)');
    expect(check({ allOf: [{ minimum: 1 }, { maximum: 3 }] }, 5)).toBe('must be <= 3');
    expect(check({ not: { type: 'string' } }, 's')).toBe('matches a schema it must not match');
    const conditional = { if: { properties: { kind: { const: 'box' } } }, then: { required: ['size'] }, else: { required: ['weight'] } };
    expect(check(conditional, { kind: 'box' })).toBe('missing required property "size"');
    expect(check(conditional, { kind: 'bag' })).toBe('missing required property "weight"');
  });

  it('checks property maps', () => {
    const schema = {
      type: 'object',
      patternProperties: { '^x-': { type: 'string' } },
      additionalProperties: { type: 'number' },
      propertyNames: { maxLength: 5 },
      dependentRequired: { a: ['b'] },
      minProperties: 1,
    };
    expect(check(schema, { 'x-id': 'ok', a: 1, b: 2 })).toBe('');
    expect(check(schema, { 'x-id': 1 })).toBe('"x-id": expected string, got number');
    expect(check(schema, { a: 'one' })).toBe('Instance has "a" but does not have "b"; a: expected number, got string');
    expect(check(schema, { toolong: 1 })).toBe('Property name "toolong" does not match schema');
    expect(check(schema, {})).toBe('Instance does not have at least 1 properties');
  });

  it('checks what 2020-12 added: unevaluated properties and items, $anchor, $dynamicRef, format', () => {
    const base = { type: 'object', properties: { id: { type: 'integer' } }, allOf: [{ properties: { name: { type: 'string' } } }], unevaluatedProperties: false };
    expect(check(base, { id: 1, name: 'n' })).toBe('');
    expect(check(base, { id: 1, name: 'n', extra: true })).toBe('unexpected property "extra"');
    expect(check({ prefixItems: [{ type: 'string' }], contains: { type: 'number' }, unevaluatedItems: false }, ['a', 1, 2])).toBe('');
    expect(check({ prefixItems: [{ type: 'string' }], unevaluatedItems: false }, ['a', 1])).toBe('unexpected item at [1]');
    const tree = { $dynamicAnchor: 'node', type: 'object', properties: { value: { type: 'integer' }, children: { type: 'array', items: { $dynamicRef: '#node' } } } };
    expect(check(tree, { value: 1, children: [{ value: 2, children: [{ value: 'x' }] }] })).toBe('children[0].children[0].value: expected integer, got string');
    expect(check({ $defs: { id: { $anchor: 'id', type: 'string' } }, properties: { a: { $ref: '#id' } } }, { a: 1 })).toBe('a: expected string, got number');
    expect(check({ type: 'string', format: 'email' }, 'not an email')).toBe('must be a valid email');
    expect(check({ type: 'string', format: 'date' }, '2024-02-30')).toBe('must be a valid date');
    expect(check({ type: 'string', format: 'date' }, '2024-02-29')).toBe('');
  });

  it('follows references inside the schema, recursive ones included', () => {
    const tree = {
      $defs: { node: { type: 'object', properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, required: ['value'] } },
      $ref: '#/$defs/node',
    };
    expect(check(tree, { value: 1, children: [{ value: 2, children: [{ value: 3 }] }] })).toBe('');
    expect(check(tree, { value: 1, children: [{ value: 2, children: [{ value: 'x' }] }] })).toBe('children[0].children[0].value: expected integer, got string');
  });

  it('ignores annotations and unknown keywords, and accepts boolean schemas', () => {
    expect(check({ type: 'string', title: 'T', description: 'D', format: 'unheard-of', default: 'x', 'x-custom': 1 }, 'anything')).toBe('');
    expect(check(true, 42)).toBe('');
    expect(check({ properties: { never: false } }, { never: 1 })).toBe('never: no value is allowed here');
  });

  it('leaves the author\'s schema object as it was', () => {
    const schema = { $dynamicAnchor: 'n', properties: { next: { $dynamicRef: '#n' } } };
    const before = JSON.stringify(schema);
    check(schema, { next: {} });
    expect(JSON.stringify(schema)).toBe(before);
  });

  it('refuses, when compiled, a schema that is not valid JSON Schema 2020-12, naming the location', () => {
    expect(() => compileJsonSchema({ properties: { a: { $ref: 'https://example.com/a.json' } } })).toThrow(
      '#/properties/a/$ref: the reference "https://example.com/a.json" is not inside this schema, and other documents are not fetched',
    );
    expect(() => compileJsonSchema({ $ref: '#/$defs/missing' })).toThrow('#/$ref: the reference "#/$defs/missing" points at nothing');
    expect(() => compileJsonSchema({ properties: { a: { type: 'text' } } })).toThrow('#/properties/a/type: Instance does not match any of');
    expect(() => compileJsonSchema({ properties: { a: { minLength: -1 } } })).toThrow('#/properties/a/minLength: must be >= 0 (not a valid JSON Schema 2020-12)');
    expect(() => compileJsonSchema({ pattern: '[' })).toThrow('#/pattern: not a regular expression this engine compiles');
    expect(() => compileJsonSchema({ patternProperties: { '(': {} } })).toThrow('#/patternProperties/(: not a regular expression this engine compiles');
    expect(() => compileJsonSchema({ items: [{ type: 'string' }] })).toThrow('#/items: expected object or boolean, got array (not a valid JSON Schema 2020-12)');
    expect(() => compileJsonSchema(42 as unknown as JsonSchemaValue)).toThrow('#: a schema must be an object or a boolean');
    expect(() => compileJsonSchema({ $defs: { a: { allOf: [{ $ref: '#/$defs/b' }] }, b: { not: { $ref: '#/$defs/a' } } }, $ref: '#/$defs/a' })).toThrow(
      'the references here lead back to this schema without reading deeper into the value, so checking would never end',
    );
    expect(() =>
      compileJsonSchema({ $defs: { inner: { $id: 'https://example.com/inner', $dynamicAnchor: 'x' } }, properties: { a: { $dynamicRef: '#x' } } }),
    ).toThrow('#: $dynamicRef and $dynamicAnchor are supported within one schema resource, not across resources embedded with $id');
  });
});
