// Edits of a TOML text in place: a value is replaced, a key's line removed, a line added to
// its table, a table removed, and every other byte (comments, blank lines, order, settings the
// edit is not about) stays as the user wrote it. toml-eslint-parser gives the source ranges.
import { parseTOML, type AST } from 'toml-eslint-parser';

type Path = readonly string[];

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** A TOML key path as written in a header or before `=`: bare where it can be, else quoted. */
export function formatKey(path: Path): string {
  return path.map((key) => (BARE_KEY.test(key) ? key : JSON.stringify(key))).join('.');
}

/** A TOML basic string or array of them (JSON's escapes are TOML's). */
export function formatValue(value: string | readonly string[]): string {
  return typeof value === 'string' ? JSON.stringify(value) : `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** Sets `path` to the rendered `value`: in place when it exists, else as a new line of its table (made at the end when missing). */
export function setValue(text: string, path: Path, value: string | readonly string[]): string {
  const doc = parseTOML(text);
  const rendered = formatValue(value);
  const existing = findKeyValue(doc, path);
  if (existing) return splice(text, existing.value.range[0], existing.value.range[1], rendered);
  const parent = path.slice(0, -1);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = `${formatKey(path.slice(-1))} = ${rendered}`;
  const table = findTable(doc, parent);
  if (table) {
    const newline = text.indexOf('\n', table.range[1]);
    if (newline < 0) return `${text}${eol}${line}${eol}`;
    const at = text[newline - 1] === '\r' ? newline - 1 : newline;
    return `${text.slice(0, at)}${eol}${line}${text.slice(at)}`;
  }
  if (definedElsewhere(doc, parent)) throw notATable(parent);
  const body = text.length === 0 || text.endsWith('\n') ? text : `${text}${eol}`;
  return `${body}${body.trim().length ? eol : ''}[${formatKey(parent)}]${eol}${line}${eol}`;
}

/** Removes the line(s) of key `path`; nothing to do when it is absent. */
export function removeValue(text: string, path: Path): string {
  const existing = findKeyValue(parseTOML(text), path);
  if (!existing) return text;
  if (existing.parent.type === 'TOMLInlineTable') throw notATable(path.slice(0, -1));
  return removeLines(text, existing.range[0], existing.range[1]);
}

/** Removes table `path`: its `[header]` and its keys, or its `key = { ... }` line. */
export function removeTable(text: string, path: Path): string {
  const doc = parseTOML(text);
  const table = findTable(doc, path);
  if (table) return removeLines(text, table.range[0], table.range[1]);
  return removeValue(text, path);
}

function notATable(path: Path): Error {
  return new Error(`cannot edit ${formatKey(path)} in place as it is written (inline or with dotted keys): write it as a [${formatKey(path)}] table`);
}

function keyNames(key: AST.TOMLKey): string[] {
  return key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value));
}

const samePath = (a: readonly (string | number)[], b: Path) => a.length === b.length && a.every((k, i) => k === b[i]);

function findTable(doc: AST.TOMLProgram, path: Path): AST.TOMLTable | undefined {
  return doc.body[0].body.find((node): node is AST.TOMLTable => node.type === 'TOMLTable' && node.kind === 'standard' && samePath(node.resolvedKey, path));
}

/** The key/value whose full path is `path`, in the root, a [table] or an inline table. */
function findKeyValue(doc: AST.TOMLProgram, path: Path): AST.TOMLKeyValue | undefined {
  const search = (entries: AST.TOMLKeyValue[], prefix: readonly string[]): AST.TOMLKeyValue | undefined => {
    for (const entry of entries) {
      const full = [...prefix, ...keyNames(entry.key)];
      if (samePath(full, path)) return entry;
      if (entry.value.type === 'TOMLInlineTable' && full.length < path.length && samePath(full, path.slice(0, full.length))) {
        const found = search(entry.value.body, full);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const node of doc.body[0].body) {
    const found = node.type === 'TOMLKeyValue' ? search([node], []) : node.kind === 'standard' ? search(node.body, node.resolvedKey as string[]) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Whether some key of the document lies at or under `path` (written other than as its own [table]). */
function definedElsewhere(doc: AST.TOMLProgram, path: Path): boolean {
  const under = (full: readonly (string | number)[]) => samePath(full.slice(0, path.length), path) || samePath(path.slice(0, full.length), full as string[]);
  for (const node of doc.body[0].body) {
    if (node.type === 'TOMLKeyValue' && under(keyNames(node.key))) return true;
    if (node.type === 'TOMLTable' && node.body.some((entry) => under([...(node.resolvedKey as string[]), ...keyNames(entry.key)]))) return true;
  }
  return false;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Removes [start, end) with the rest of its lines (what precedes it on its first line is blank,
 * what follows on its last is blank or a comment), and the blank line that set it apart when
 * another blank line or the end of the text follows.
 */
function removeLines(text: string, start: number, end: number): string {
  let head = text.slice(0, text.lastIndexOf('\n', start - 1) + 1);
  const newline = text.indexOf('\n', end);
  const tail = newline < 0 ? '' : text.slice(newline + 1);
  if (/(^|\n)[ \t]*\r?\n$/.test(head) && (tail === '' || /^[ \t]*(\r?\n|$)/.test(tail))) head = head.replace(/[ \t]*\r?\n$/, '');
  return head + tail;
}
