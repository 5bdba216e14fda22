// `wasmcp-ts new NAME --template middleware` end to end, in a folder outside the repository, as
// test/sdk/scaffold.test.ts does for the tools template: it type-checks, builds both variants,
// and passes its own test (which serves the built middleware and calls it with the official client).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, linkMonorepoPackages, projectEnv } from '../support/project.js';

const run = promisify(execFile);
const NAME = 'my-middleware';
const BUILD_TIMEOUT = 900_000;

describe('wasmcp-ts new --template middleware', () => {
  let workDir: string;
  let project: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
    workDir = await mkdtemp(join(tmpdir(), 'wasmcp-ts-new-middleware-'));
    project = join(workDir, NAME);
    const { stdout } = await run(process.execPath, [CLI, 'new', NAME, '--template', 'middleware'], { cwd: workDir });
    expect(stdout).toContain(`Created ${NAME}: .gitignore, package.json, src/component.ts, test/component.test.ts, tsconfig.json`);
    await linkMonorepoPackages(project);
  });
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('refuses a template it does not have', async () => {
    await expect(run(process.execPath, [CLI, 'new', 'other', '--template', 'router'], { cwd: workDir })).rejects.toMatchObject({
      stderr: expect.stringContaining('--template must be tools or middleware, got router'),
    });
    expect(await readdir(workDir)).toEqual([NAME]);
  });

  it('type-checks with npm run typecheck', async () => {
    await run('npm', ['run', 'typecheck'], { cwd: project, env: projectEnv });
  }, 120_000);

  it(
    'builds both variants with npm run build, and passes its own test with npm test',
    async () => {
      await run('npm', ['run', 'build'], { cwd: project, env: projectEnv });
      expect(existsSync(join(project, 'dist', 'draft', `${NAME}.wasm`))).toBe(true);
      expect(existsSync(join(project, 'dist', 'draft2', `${NAME}-d2.wasm`))).toBe(true);
      const { stdout } = await run('npm', ['test'], { cwd: project, env: projectEnv });
      expect(stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+2 passed \(2\)/);
    },
    BUILD_TIMEOUT,
  );
});
