// `wasmcp-ts new`: what it writes is what the README's first-tool section shows, and it never
// writes over a folder that is not empty. That the written project installs from npm, builds,
// type-checks, passes its own test and serves is test/npm/npm-first-minute.test.ts.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const CLI = join(root, 'packages', 'runtime', 'dist', 'cli.js');
const NAME = 'my-tools';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

describe('wasmcp-ts new', () => {
  let workDir: string;
  let project: string;
  let files: string[];

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
    workDir = tempDir('wasmcp-ts-new');
    project = join(workDir, NAME);
    await run(process.execPath, [CLI, 'new', NAME], { cwd: workDir });
    files = await filesUnder(project);
  });

  it("writes what the README's first-tool section shows", async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const section = /^## Write your first tool\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
    expect(section, 'README.md has a "## Write your first tool" section').toBeDefined();
    const listed = [...section!.matchAll(/^ {4}my-tools\/(\S+)$/gm)].map((m) => m[1]);
    expect(listed).toEqual(files);
    const shownSource = /```ts\n([\s\S]*?)```/.exec(section!)?.[1];
    expect(shownSource).toBe(await readFile(join(project, 'src', 'component.ts'), 'utf8'));
    const scripts = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')).scripts;
    const commands = [...section!.matchAll(/^npm (?:run )?(\w+)/gm)].map((m) => m[1]).filter((c) => c !== 'install' && c !== 'create');
    expect(commands).toEqual(['build', 'test', 'serve']);
    for (const command of commands) expect(scripts[command], `package.json has a ${command} script`).toBeDefined();
  });

  it('refuses to write over a folder that is not empty', async () => {
    await expect(run(process.execPath, [CLI, 'new', NAME], { cwd: workDir })).rejects.toMatchObject({ stderr: expect.stringContaining('exists and is not empty') });
  });
});
