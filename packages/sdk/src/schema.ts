// A tool's input or output schema, either JSON Schema (checked by json-schema-validator.ts) or a
// validation library's schema (Standard Schema: the library checks, and renders the JSON Schema
// clients see). Compiled once, when the tool is defined.
import { andThen, type MaybePromise } from '@wasmcp-ts/protocol';
import { AuthorError } from './content.js';
import type { FromSchema, JsonSchema } from './json-schema.js';
import { compileJsonSchema, SchemaError } from './json-schema-validator.js';
import { isStandardSchema, issuePath, type StandardOutput, type StandardSchema } from './standard-schema.js';

export type ToolSchema = JsonSchema | StandardSchema;

/** The values a declared schema lets through: the library's output type, or what the JSON Schema literal says. */
export type Infer<S> = S extends StandardSchema ? StandardOutput<S> : FromSchema<S>;

export type CheckResult = { ok: true; value: unknown } | { ok: false; problems: string };

export interface CompiledSchema {
  /** The JSON Schema as JSON text, for listings. */
  json: string;
  /**
   * Checks a value; a library may hand back a transformed value (defaults, coercions). At once
   * where the check is synchronous (JSON Schema, most libraries): the engine runs every await.
   */
  check(value: unknown): MaybePromise<CheckResult>;
}

/** Compiles a schema for `what` (e.g. `tool "add" inputSchema`); a schema that cannot be honoured is an AuthorError. */
export function compileToolSchema(schema: ToolSchema, direction: 'input' | 'output', what: string): CompiledSchema {
  if (isStandardSchema(schema)) {
    const props = schema['~standard'];
    if (typeof props.jsonSchema?.[direction] !== 'function') {
      throw new AuthorError(`${what}: this ${props.vendor} schema cannot render itself as JSON Schema (Standard JSON Schema); for zod use version 4.2 or later`);
    }
    const json = props.jsonSchema[direction]({ target: 'draft-2020-12' });
    return {
      json: objectSchemaText(json, what),
      check: (value) =>
        andThen(props.validate(value), (result): CheckResult => {
          if (!result.issues) return { ok: true, value: result.value };
          return { ok: false, problems: result.issues.map((i) => (issuePath(i) ? `${issuePath(i)}: ${i.message}` : i.message)).join('; ') };
        }),
    };
  }
  let validate;
  try {
    validate = compileJsonSchema(schema as JsonSchema);
  } catch (err) {
    if (err instanceof SchemaError) throw new AuthorError(`${what}: ${err.message}`);
    throw err;
  }
  return {
    json: objectSchemaText(schema, what),
    check(value) {
      const problems = validate(value);
      return problems.length === 0 ? { ok: true, value } : { ok: false, problems: problems.join('; ') };
    },
  };
}

// MCP: input and output schemas of tools describe a JSON object.
function objectSchemaText(schema: unknown, what: string): string {
  if ((schema as { type?: unknown }).type !== 'object') throw new AuthorError(`${what}: must describe an object (type: "object")`);
  return JSON.stringify(schema);
}
