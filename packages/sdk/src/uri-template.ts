// Matching a URI against a resource template (RFC 6570), for the two expansions resource
// templates use: `{name}` (simple: one percent-encoded value, no `/`) and `{+name}` (reserved:
// anything, slashes included). Other operators are refused when the template is defined.
import { AuthorError } from './content.js';

type VariableName<E extends string> = E extends `+${infer N}` ? N : E;

/** The variables of a template literal type: `'colors://{name}'` -> `{ name: string }`. */
export type TemplateParams<T extends string> = string extends T
  ? Record<string, string>
  : T extends `${string}{${infer E}}${infer Rest}`
    ? { [K in VariableName<E> | keyof TemplateParams<Rest>]: string }
    : {};

export interface UriTemplate {
  /** The variables' values, or undefined when `uri` is not of this template. */
  match(uri: string): Record<string, string> | undefined;
}

const EXPRESSION = /\{([^}]*)\}/g;
const VARIABLE = /^(\+?)([A-Za-z0-9_]+)$/;

export function compileUriTemplate(template: string): UriTemplate {
  const names: { name: string; reserved: boolean }[] = [];
  let source = '^';
  let last = 0;
  for (const m of template.matchAll(EXPRESSION)) {
    const variable = VARIABLE.exec(m[1]);
    if (!variable) {
      throw new AuthorError(`resource template ${template}: {${m[1]}} is not supported (use {name} for one path segment or {+name} for any text)`);
    }
    source += escapeRegExp(template.slice(last, m.index)) + (variable[1] ? '(.+)' : '([^/]+)');
    names.push({ name: variable[2], reserved: variable[1] === '+' });
    last = m.index + m[0].length;
  }
  if (names.length === 0) throw new AuthorError(`resource template ${template} has no {variable}; declare it as a resource`);
  const pattern = new RegExp(`${source}${escapeRegExp(template.slice(last))}$`);
  return {
    match(uri) {
      const m = pattern.exec(uri);
      if (!m) return undefined;
      const values: [string, string][] = [];
      for (const [i, { name, reserved }] of names.entries()) {
        try {
          values.push([name, reserved ? m[i + 1] : decodeURIComponent(m[i + 1])]);
        } catch {
          return undefined; // a malformed %-escape: no value of this template
        }
      }
      return Object.fromEntries(values);
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
