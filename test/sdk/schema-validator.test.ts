// The SDK's JSON Schema validator, on its own (plain TypeScript, no component).
import { describe, expect, it } from 'vitest';
import { compileSchema, describeProblems, type JsonSchemaValue } from '../../packages/sdk/src/schema-validator.js';

const check = (schema: JsonSchemaValue, value: unknown) => describeProblems(compileSchema(schema)(value));

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
    expect(check(order, { item: 5, quantity: 2 })).toBe('item: expected string, got integer');
    expect(check(order, { item: 'tea' })).toBe('missing required property "quantity"');
    expect(check(order, { item: 'tea', quantity: 1, color: 'red' })).toBe('unexpected property "color"');
    expect(check(order, { item: 'tea', quantity: 0.5 })).toBe('quantity: expected integer, got number; quantity: must be >= 1');
  });

  it('checks numbers, strings and arrays', () => {
    expect(check({ type: 'number', exclusiveMaximum: 10, multipleOf: 0.5 }, 10)).toBe('must be < 10');
    expect(check({ type: 'number', multipleOf: 0.1 }, 0.3)).toBe('');
    expect(check({ type: 'number', multipleOf: 0.5 }, 0.3)).toBe('must be a multiple of 0.5');
    expect(check({ type: 'string', minLength: 2, maxLength: 3 }, '😀')).toBe('must be at least 2 characters long');
    expect(check({ type: 'string', pattern: '^[a-z]+$' }, 'Abc')).toBe('must match the pattern ^[a-z]+$');
    expect(check({ type: 'array', items: { type: 'string' }, maxItems: 2, uniqueItems: true }, ['a', 'a', 3])).toBe(
      '[2]: expected string, got integer; must have at most 2 items; must not contain duplicate items',
    );
    expect(check({ type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } }, ['a', 1, 'b'])).toBe('[2]: expected number, got string');
    expect(check({ type: 'array', contains: { const: 1 }, maxContains: 1 }, [1, 1])).toBe('must contain at most 1 matching items');
  });

  it('checks enum, const and JSON types exactly', () => {
    expect(check({ enum: ['a', 1, null, { x: [1] }] }, { x: [1] })).toBe('');
    expect(check({ enum: ['a', 'b'] }, 'c')).toBe('must be one of "a", "b"');
    expect(check({ const: 0 }, false)).toBe('must be 0');
    expect(check({ type: ['string', 'null'] }, null)).toBe('');
    expect(check({ type: 'object' }, [])).toBe('expected object, got array');
    expect(check({ type: 'number' }, Number.NaN)).toBe('expected number, got number');
  });

  it('checks the combinators and conditionals', () => {
    const either = { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] };
    expect(check(either, 'x')).toBe('');
    expect(check(either, -1)).toBe('must be >= 0');
    expect(check(either, true)).toBe('matches none of the 2 allowed alternatives');
    expect(check({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 2)).toBe('matches 2 of the alternatives, where exactly one must match');
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
    expect(check(schema, { 'x-id': 1 })).toBe('"x-id": expected string, got integer');
    expect(check(schema, { a: 'one' })).toBe('a: expected number, got string; property "b" is required when "a" is present');
    expect(check(schema, { toolong: 1 })).toBe('toolong: must be at most 5 characters long');
    expect(check(schema, {})).toBe('must have at least 1 properties');
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
    expect(check({ type: 'string', title: 'T', description: 'D', format: 'email', default: 'x', 'x-custom': 1 }, 'not an email')).toBe('');
    expect(check(true, 42)).toBe('');
    expect(check({ properties: { never: false } }, { never: 1 })).toBe('never: no value is allowed here');
  });

  it('refuses, when compiled, a schema it cannot honour', () => {
    expect(() => compileSchema({ type: 'object', unevaluatedProperties: false })).toThrow('#: the JSON Schema keyword "unevaluatedProperties" is not supported');
    expect(() => compileSchema({ properties: { a: { $ref: 'https://example.com/a.json' } } })).toThrow(
      '#/properties/a/$ref: only references inside the schema ("#/$defs/...") are supported',
    );
    expect(() => compileSchema({ $ref: '#/$defs/missing' })).toThrow('#/$ref: the reference "#/$defs/missing" points at nothing');
    expect(() => compileSchema({ type: 'text' })).toThrow('#/type: unknown type "text"');
    expect(() => compileSchema({ pattern: '[' })).toThrow('#/pattern: invalid regular expression "["');
    expect(() => compileSchema({ items: [{ type: 'string' }] })).toThrow('#/items: a schema must be an object or a boolean');
  });
});
