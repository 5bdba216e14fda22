// The README's middleware section shows the examples' real code, and the refusal it quotes is
// what `wasmcp-ts serve` prints.
import { execFile } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { example } from '../support/artifacts.js';
import { tempDir } from '../support/temp.js';

const root = join(__dirname, '..', '..');
const CLI = join(root, 'packages', 'runtime', 'dist', 'cli.js');

async function section(): Promise<string> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const found = /^## Middleware and composed tools\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  expect(found, 'README.md has a "## Middleware and composed tools" section').toBeDefined();
  return found!;
}

it('every TypeScript block is an example component, as it is', async () => {
  const text = await section();
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks).toEqual([
    await readFile(join(root, 'examples', 'pythagorean', 'src', 'component.ts'), 'utf8'),
    await readFile(join(root, 'examples', 'tool-filter', 'src', 'component.ts'), 'utf8'),
  ]);
});

it('the refusal it quotes is the one serve prints', async () => {
  const text = await section();
  const quoted = /^ {4}\$ npx (wasmcp-ts serve .*)\n((?: {4}.*\n)+)/m.exec(text);
  expect(quoted, 'the section quotes a refused serve command').not.toBeNull();
  const dir = tempDir('wasmcp-readme-swap');
  await copyFile(example('square', 'draft'), join(dir, 'square.wasm'));
  const args = quoted![1].split(' ').slice(1);
  const failure = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: dir }).then(
    () => undefined,
    (err: { code: number; stderr: string }) => err,
  );
  expect(failure?.code).toBe(1);
  expect(failure!.stderr).toBe(quoted![2].replace(/^ {4}/gm, ''));
});
