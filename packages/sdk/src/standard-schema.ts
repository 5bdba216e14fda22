// Schemas of validation libraries (zod >= 4.2, ArkType, Valibot, ...): the Standard Schema and
// Standard JSON Schema interfaces (standardschema.dev), declared here so the SDK depends on no
// library. A tool may give such a schema instead of JSON Schema: the library validates the
// arguments and the JSON Schema that clients see is the library's own rendering of it.

export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>;
}

export type StandardResult<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: ReadonlyArray<StandardIssue> };

export interface StandardJsonSchemaOptions {
  readonly target: 'draft-2020-12' | (string & {});
}

/** A schema that validates (Standard Schema) and renders itself as JSON Schema (Standard JSON Schema). */
export interface StandardSchema<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output };
    readonly jsonSchema: {
      readonly input: (options: StandardJsonSchemaOptions) => Record<string, unknown>;
      readonly output: (options: StandardJsonSchemaOptions) => Record<string, unknown>;
    };
  };
}

export type StandardOutput<S> = S extends StandardSchema<unknown, infer O> ? O : never;

export function isStandardSchema(schema: unknown): schema is StandardSchema {
  const props = (schema as { '~standard'?: { version?: unknown; validate?: unknown } } | null)?.['~standard'];
  return typeof props === 'object' && props !== null && props.version === 1 && typeof props.validate === 'function';
}

/** An issue's path as `a.b[0]`. */
export function issuePath(issue: StandardIssue): string {
  let out = '';
  for (const segment of issue.path ?? []) {
    const key = typeof segment === 'object' ? segment.key : segment;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}
