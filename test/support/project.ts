// A project made by `wasmcp-ts new`, outside the repository, using this checkout's packages the
// way `npm link` would: its node_modules entries point into the monorepo (the @wasmcp-ts
// packages are not published), and what those packages import resolves from the monorepo's
// node_modules through the links' real paths.
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
export const CLI = join(root, 'packages', 'runtime', 'dist', 'cli.js');

/** The environment of the project's commands, without the variables of the vitest running this file. */
export const projectEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS'));

export async function linkMonorepoPackages(project: string): Promise<void> {
  const links: Record<string, string> = {
    '@wasmcp-ts/sdk': join(root, 'packages', 'sdk'),
    '@wasmcp-ts/runtime': join(root, 'packages', 'runtime'),
    '@modelcontextprotocol/sdk': join(root, 'node_modules', '@modelcontextprotocol', 'sdk'),
    vitest: join(root, 'node_modules', 'vitest'),
    typescript: join(root, 'node_modules', 'typescript'),
  };
  for (const [name, target] of Object.entries(links)) {
    await mkdir(join(project, 'node_modules', name, '..'), { recursive: true });
    await symlink(target, join(project, 'node_modules', name));
  }
  // What npm writes into node_modules/.bin for the commands the scripts use.
  const bins: Record<string, string> = {
    'wasmcp-ts': CLI,
    vitest: join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    tsc: join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  };
  await mkdir(join(project, 'node_modules', '.bin'));
  for (const [name, script] of Object.entries(bins)) {
    const bin = join(project, 'node_modules', '.bin', name);
    await writeFile(bin, `#!/bin/sh\nexec node ${JSON.stringify(script)} "$@"\n`);
    await chmod(bin, 0o755);
  }
}
