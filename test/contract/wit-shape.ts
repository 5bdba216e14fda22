// Normalizes WIT the way ../shared/design/upstream-shape.json was made: comments and @since
// gates dropped, whitespace around punctuation and trailing commas removed, one entry per
// top-level item of each interface and world.
export interface PackageShape {
  interfaces: Record<string, string[]>;
  worlds: Record<string, string[]>;
}

export function parseWitShapes(files: string[]): Record<string, PackageShape> {
  const packages: Record<string, PackageShape> = {};
  for (const text of files) {
    const clean = text
      .replace(/\/\/[^\n]*/g, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@since\([^)]*\)/g, '');
    const pkgName = /package\s+([^;\s]+)\s*;/.exec(clean)?.[1];
    if (!pkgName) throw new Error('WIT file without a package declaration');
    const pkg = (packages[pkgName] ??= { interfaces: {}, worlds: {} });
    const blocks = /\b(interface|world)\s+([a-z0-9-]+)\s*\{/g;
    let m: RegExpExecArray | null;
    while ((m = blocks.exec(clean))) {
      const start = m.index + m[0].length;
      const end = matchingBrace(clean, start);
      const items = splitItems(normalize(clean.slice(start, end)));
      (m[1] === 'interface' ? pkg.interfaces : pkg.worlds)[m[2]] = items;
      blocks.lastIndex = end + 1;
    }
  }
  return packages;
}

function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error('unbalanced braces in WIT');
}

function normalize(body: string): string {
  return body
    .replace(/\s+/g, ' ')
    .replace(/\s*(->|[{}()<>,:;=])\s*/g, '$1')
    .replace(/,([}>)])/g, '$1')
    .trim();
}

function splitItems(body: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    current += ch;
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0 && body[i + 1] !== ';') {
        items.push(current.trim());
        current = '';
      }
    } else if (ch === ';' && depth === 0) {
      items.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) items.push(current.trim());
  return items;
}
