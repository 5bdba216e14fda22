// The pieces under `wasmcp-ts registry`: how names expand, and how the TOML text is edited in
// place whatever way the user wrote the tables.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegistryConfig } from '../../packages/runtime/src/oci/registry-config.js';
import { expandComponents, profileOutput, registryProblems, singleComponent } from '../../packages/runtime/src/registry/expand.js';
import { removeTable, removeValue, setValue } from '../../packages/runtime/src/registry/toml-edit.js';
import { tempDir } from '../support/temp.js';

describe('expanding aliases and profiles', () => {
  const dir = tempDir('wasmcp-expand');
  const file = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, '');
    return path;
  };
  const [a, b, c] = [file('a.wasm'), file('b.wasm'), file('c.wasm')];
  const config = parseRegistryConfig(`
[aliases]
a = ${JSON.stringify(a)}
b = ${JSON.stringify(b)}
b2 = "b"
remote = "acme:tools@1.0.0"
[profiles.core]
components = ["a", "remote"]
output = "/srv/core.wasm"
[profiles.dev]
base = "core"
components = ["b2", ${JSON.stringify(c)}, "a"]
[profiles.all]
components = ["dev", "oci://127.0.0.1:5000/x/y:1"]
`);

  it('puts a profile’s base first and keeps a component reached twice at its first place', () => {
    expect(expandComponents(['dev'], config)).toEqual([a, 'acme:tools@1.0.0', b, c]);
    expect(expandComponents(['all', 'b'], config)).toEqual([a, 'acme:tools@1.0.0', b, c, 'oci://127.0.0.1:5000/x/y:1']);
  });

  it('leaves files, registry references and unknown names as they are', () => {
    expect(expandComponents([c, 'other:thing@2.0.0', 'typo'], config)).toEqual([c, 'other:thing@2.0.0', 'typo']);
  });

  it('gives a profile’s output path, and one component for an alias only', () => {
    expect(profileOutput(config, 'core')).toBe('/srv/core.wasm');
    expect(profileOutput(config, 'dev')).toBeUndefined();
    expect(profileOutput(config, 'a')).toBeUndefined();
    expect(singleComponent('b2', config)).toBe(b);
    expect(() => singleComponent('dev', config)).toThrow('dev is a profile (a list of components), not one component');
  });

  it('reports loops, missing bases and targets naming nothing', () => {
    const broken = parseRegistryConfig(`
[aliases]
x = "y"
y = "x"
lost = "nowhere.wasm"
[profiles.p]
base = "q"
components = []
[profiles.r]
components = ["r"]
`);
    expect(registryProblems(broken)).toEqual([
      'alias x loops: x -> y -> x',
      'alias y loops: y -> x -> y',
      'alias lost names "nowhere.wasm", which is no file, oci:// reference, namespace:name@version, alias or profile',
      'profile p is based on "q", which is no profile',
      'profile r loops: r -> r',
    ]);
    expect(() => expandComponents(['x'], broken)).toThrow('alias x loops');
    expect(registryProblems(config)).toEqual([]);
  });

  it('rejects profile settings it does not know and values of the wrong kind', () => {
    expect(() => parseRegistryConfig('[profiles.p]\ncomponents = ["a"]\nouput = "x"')).toThrow('unknown setting profiles.p.ouput');
    expect(() => parseRegistryConfig('[profiles.p]\ncomponents = "a"')).toThrow('profiles.p.components must be an array of strings');
    expect(() => parseRegistryConfig('[profiles]\np = 1')).toThrow('profiles.p must be a table');
  });
});

describe('editing the TOML text in place', () => {
  it('replaces a value where it is written: a [table], dotted keys or an inline table, keeping comments', () => {
    expect(setValue('[aliases]\ncalc = "old"   # mine\n', ['aliases', 'calc'], 'new')).toBe('[aliases]\ncalc = "new"   # mine\n');
    expect(setValue('aliases.calc = "old"\n', ['aliases', 'calc'], 'new')).toBe('aliases.calc = "new"\n');
    expect(setValue('[profiles]\ndev = { components = ["a"], output = "x" } # inline\n', ['profiles', 'dev', 'components'], ['a', 'b'])).toBe(
      '[profiles]\ndev = { components = ["a", "b"], output = "x" } # inline\n',
    );
  });

  it('adds a line after the last key of its table, or a table at the end', () => {
    const text = '# top\n[aliases]\na = "1"\n# about the next table\n\n[namespaces]\nx = "r/p"';
    expect(setValue(text, ['aliases', 'b'], '2')).toBe('# top\n[aliases]\na = "1"\nb = "2"\n# about the next table\n\n[namespaces]\nx = "r/p"');
    expect(setValue(text, ['profiles', 'dev', 'components'], ['a'])).toBe(`${text}\n\n[profiles.dev]\ncomponents = ["a"]\n`);
    expect(setValue('', ['aliases', 'a'], 'x"\\y')).toBe('[aliases]\na = "x\\"\\\\y"\n');
  });

  it('removes a key’s lines, multi-line values included, and a table with its blank line', () => {
    expect(removeValue('[profiles.dev]\ncomponents = [\n  "a", # first\n  "b",\n]  # end\noutput = "x"\n', ['profiles', 'dev', 'components'])).toBe('[profiles.dev]\noutput = "x"\n');
    expect(removeValue('[aliases]\na = "1"\n', ['aliases', 'b'])).toBe('[aliases]\na = "1"\n');
    expect(removeTable('[aliases]\na = "1"\n\n[profiles.dev]\ncomponents = []\n', ['profiles', 'dev'])).toBe('[aliases]\na = "1"\n');
    expect(removeTable('[aliases]\na = "1"\n\n[profiles.dev]\ncomponents = []\n\n[profiles.prod]\n', ['profiles', 'dev'])).toBe('[aliases]\na = "1"\n\n[profiles.prod]\n');
    expect(removeTable('[profiles]\ndev = { components = [] }\nprod = { components = [] }\n', ['profiles', 'dev'])).toBe('[profiles]\nprod = { components = [] }\n');
  });

  it('keeps the line ends of a file written with CRLF', () => {
    const text = '[aliases]\r\na = "1"\r\n';
    expect(setValue(text, ['aliases', 'b'], '2')).toBe('[aliases]\r\na = "1"\r\nb = "2"\r\n');
    expect(setValue(text, ['profiles', 'p', 'components'], [])).toBe(`${text}\r\n[profiles.p]\r\ncomponents = []\r\n`);
    expect(removeTable(`${text}\r\n[profiles.p]\r\ncomponents = []\r\n`, ['profiles', 'p'])).toBe(text);
    expect(removeValue('[aliases]\r\na = "1"\r\nb = "2"\r\n', ['aliases', 'a'])).toBe('[aliases]\r\nb = "2"\r\n');
  });

  it('refuses to add to or remove from a table written inline, naming the form it can edit', () => {
    expect(() => setValue('[profiles]\ndev = { components = [] }\n', ['profiles', 'dev', 'output'], 'x')).toThrow('write it as a [profiles.dev] table');
    expect(() => removeValue('aliases = { a = "1", b = "2" }\n', ['aliases', 'a'])).toThrow('write it as a [aliases] table');
  });
});
