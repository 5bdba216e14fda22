// `wasmcp-ts new NAME [--template tools|middleware]`: a project from templates/TEMPLATE
// (shipped in this package), with its name and this runtime's version filled in; it builds and
// serves with `npm run build` and `npm run serve`.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const NEW_USAGE = `Usage: wasmcp-ts new NAME [--template tools|middleware]

Creates the folder NAME holding a tools project: src/component.ts (one example tool written
with @wasmcp-ts/sdk), test/component.test.ts (calls it through this runtime), package.json,
tsconfig.json and .gitignore. Then:
  cd NAME && npm install
  npm run build    # dist/draft/NAME.wasm and dist/draft2/NAME-d2.wasm
  npm run serve    # serves it on http://127.0.0.1:8080/mcp
  npm test

Options:
  --template T  tools (default), or middleware: src/component.ts is a middleware written with
                @wasmcp-ts/sdk/middleware (it serves a tool of its own and stamps tool results),
                built, tested and served the same way
  -h, --help    this text
`;

// src/ and dist/ both sit beside the package's templates/ and package.json.
const TEMPLATES = ['tools', 'middleware'];
const templateDir = (template: string) => fileURLToPath(new URL(`../templates/${template}/`, import.meta.url));
const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
/** npm publishes no file named .gitignore, so the template holds it under another name. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };
const PACKAGE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

export async function newCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { template: { type: 'string', default: 'tools' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(NEW_USAGE);
    return;
  }
  if (positionals.length !== 1) throw new Error('give the name of the project to create (wasmcp-ts new NAME)');
  if (!TEMPLATES.includes(values.template)) throw new Error(`--template must be ${TEMPLATES.join(' or ')}, got ${values.template}`);
  const dir = resolve(positionals[0]);
  const files = await scaffold(dir, templateDir(values.template));
  const shown = relative(process.cwd(), dir) || '.';
  process.stdout.write(`Created ${shown}: ${files.join(', ')}\nNext: cd ${shown} && npm install && npm run build && npm run serve\n`);
}

/** Writes the project into `dir` (named for the package); returns the files written. */
async function scaffold(dir: string, template: string): Promise<string[]> {
  const name = basename(dir);
  if (!PACKAGE_NAME.test(name) || name.length > 214) {
    throw new Error(`${JSON.stringify(name)} is not a package name: use lower-case letters, digits, and . _ - (not first)`);
  }
  if (existsSync(dir) && (await readdir(dir)).length > 0) throw new Error(`${dir} exists and is not empty`);
  const written: string[] = [];
  for (const file of await templateFiles(template)) {
    const target = join(dir, dirname(file), RENAMED[basename(file)] ?? basename(file));
    const text = (await readFile(join(template, file), 'utf8')).replaceAll('{{name}}', name).replaceAll('{{version}}', VERSION);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    written.push(relative(dir, target));
  }
  return written;
}

async function templateFiles(root: string, under = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(root, under), { withFileTypes: true })) {
    const path = join(under, entry.name);
    files.push(...(entry.isDirectory() ? await templateFiles(root, path) : [path]));
  }
  return files.sort();
}
