// `wasmcp-ts registry` as a user runs it: each test has a config home of its own
// (XDG_CONFIG_HOME), runs the built CLI, reads the file it writes, and serves what it names.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { example, fixture } from '../support/artifacts.js';
import { tempDir } from '../support/temp.js';

const CLI = join(__dirname, '..', '..', 'packages', 'runtime', 'dist', 'cli.js');
const STRINGS = example('string-tools', 'draft');
const SDK_TOOLS = fixture('sdk-tools', 'draft');

interface Home {
  /** XDG_CONFIG_HOME */
  config: string;
  /** The file the commands write. */
  file: string;
  /** The directory the commands run in. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

function newHome(): Home {
  const config = tempDir('wasmcp-registry-home');
  const cwd = tempDir('wasmcp-registry-cwd');
  return { config, cwd, file: join(config, 'wasmcp-ts', 'config.toml'), env: { ...process.env, XDG_CONFIG_HOME: config } };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function registry(home: Home, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'registry', ...args], { cwd: home.cwd, env: home.env }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

async function ok(home: Home, ...args: string[]): Promise<string> {
  const run = await registry(home, ...args);
  expect(run, `registry ${args.join(' ')}`).toMatchObject({ code: 0, stderr: '' });
  return run.stdout;
}

const read = (home: Home) => readFileSync(home.file, 'utf8');

function handWritten(home: Home, text: string): void {
  mkdirSync(join(home.config, 'wasmcp-ts'), { recursive: true });
  writeFileSync(home.file, text);
}

const HAND_WRITTEN = `# my wasmcp-ts settings
framework = "oci://ghcr.io/org"   # where the framework comes from

[namespaces]
# the team's registry
acme = "ghcr.io/acme"

[aliases]
remote = "acme:thing@1.0.0"  # pulled when used
`;

describe('registry component', () => {
  it('adds aliases to the config under the XDG config home, lists and removes them, keeping what was written by hand', async () => {
    const home = newHome();
    handWritten(home, HAND_WRITTEN);
    writeFileSync(join(home.cwd, 'tools.wasm'), readFileSync(STRINGS));
    expect(await ok(home, 'component', 'add', 'strings', 'tools.wasm')).toContain('added alias strings');
    await ok(home, 'component', 'add', 'same', 'strings');
    // Registry references are checked when used, so adding them works offline.
    await ok(home, 'component', 'add', 'pinned', 'oci://127.0.0.1:9/nowhere/tools:1.0.0');
    await ok(home, 'component', 'add', 'packaged', 'acme:other@2.0.0');
    expect(read(home)).toBe(`${HAND_WRITTEN}strings = ${JSON.stringify(join(home.cwd, 'tools.wasm'))}
same = "strings"
pinned = "oci://127.0.0.1:9/nowhere/tools:1.0.0"
packaged = "acme:other@2.0.0"
`);
    expect((await ok(home, 'component', 'list')).split('\n')).toEqual([
      'remote    acme:thing@1.0.0',
      `strings   ${join(home.cwd, 'tools.wasm')}`,
      'same      strings',
      'pinned    oci://127.0.0.1:9/nowhere/tools:1.0.0',
      'packaged  acme:other@2.0.0',
      '',
    ]);
    for (const name of ['same', 'strings', 'pinned', 'packaged']) expect(await ok(home, 'component', 'remove', name)).toContain(`removed alias ${name}`);
    expect(read(home)).toBe(HAND_WRITTEN);
  });

  it('creates the config file and its directory on the first add', async () => {
    const home = newHome();
    expect(existsSync(home.file)).toBe(false);
    expect(await ok(home, 'component', 'list')).toBe('');
    await ok(home, 'component', 'add', 'strings', STRINGS);
    expect(read(home)).toBe(`[aliases]\nstrings = ${JSON.stringify(STRINGS)}\n`);
  });

  it('changes a config reached through a symlink where it lives', async () => {
    const home = newHome();
    const dotfiles = tempDir('wasmcp-registry-dotfiles');
    writeFileSync(join(dotfiles, 'config.toml'), HAND_WRITTEN);
    mkdirSync(join(home.config, 'wasmcp-ts'));
    symlinkSync(join(dotfiles, 'config.toml'), home.file);
    await ok(home, 'component', 'add', 'strings', STRINGS);
    expect(readFileSync(join(dotfiles, 'config.toml'), 'utf8')).toContain(`strings = ${JSON.stringify(STRINGS)}`);
    expect(read(home)).toBe(readFileSync(join(dotfiles, 'config.toml'), 'utf8'));
  });

  it('lets concurrent commands all land', async () => {
    const home = newHome();
    handWritten(home, HAND_WRITTEN);
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const runs = await Promise.all(names.map((name) => registry(home, 'component', 'add', name, STRINGS)));
    expect(runs.map((run) => run.code)).toEqual(names.map(() => 0));
    const text = read(home);
    expect(text.startsWith(HAND_WRITTEN)).toBe(true);
    for (const name of names) expect(text).toContain(`\n${name} = ${JSON.stringify(STRINGS)}\n`);
    expect(existsSync(`${home.file}.lock`)).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const home = newHome();
    handWritten(home, HAND_WRITTEN);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(`${home.file}.lock`, gone);
    await ok(home, 'component', 'add', 'strings', STRINGS);
    expect(read(home)).toContain('strings = ');
    expect(existsSync(`${home.file}.lock`)).toBe(false);
  });
});

describe('registry profile', () => {
  it('adds profiles with a base and an output, lists them and shows what they expand to, base first', async () => {
    const home = newHome();
    handWritten(home, HAND_WRITTEN);
    await ok(home, 'component', 'add', 'strings', STRINGS);
    await ok(home, 'component', 'add', 'sdk', SDK_TOOLS);
    expect(await ok(home, 'profile', 'add', 'core', 'strings', '-o', 'core.wasm')).toContain(`added profile core = strings -> ${join(home.cwd, 'core.wasm')}`);
    await ok(home, 'profile', 'add', 'dev', 'sdk', '--base', 'core', '--output', '/srv/dev.wasm');
    expect(read(home)).toBe(`${HAND_WRITTEN}strings = ${JSON.stringify(STRINGS)}
sdk = ${JSON.stringify(SDK_TOOLS)}

[profiles.core]
components = ["strings"]
output = ${JSON.stringify(join(home.cwd, 'core.wasm'))}

[profiles.dev]
base = "core"
components = ["sdk"]
output = "/srv/dev.wasm"
`);
    expect(await ok(home, 'profile', 'list')).toBe(`core = strings -> ${join(home.cwd, 'core.wasm')}\ndev = core + sdk -> /srv/dev.wasm\n`);
    expect(await ok(home, 'info', '--profiles')).toBe(
      [
        `config: ${home.file}`,
        'profiles:',
        `  core = strings -> ${join(home.cwd, 'core.wasm')}`,
        `    components: ${STRINGS}`,
        '  dev = core + sdk -> /srv/dev.wasm',
        `    components: ${STRINGS} ${SDK_TOOLS}`,
        '',
      ].join('\n'),
    );
    const info = await ok(home, 'info');
    expect(info).toContain('components:\n  remote   acme:thing@1.0.0\n');
    expect(info).toContain('profiles:\n  core = strings');
    expect(await ok(home, 'info', '-c')).not.toContain('profiles:');

    // --force replaces a profile in place, keeping the user's comments in it.
    writeFileSync(home.file, read(home).replace('[profiles.dev]\n', '[profiles.dev]\n# for local work\n'));
    await ok(home, 'profile', 'add', 'dev', 'sdk', 'strings', '--force');
    expect(read(home)).toMatch(/\[profiles\.dev\]\n# for local work\ncomponents = \["sdk", "strings"\]\n$/);

    await ok(home, 'profile', 'remove', 'dev');
    await ok(home, 'profile', 'remove', 'core');
    for (const name of ['sdk', 'strings']) await ok(home, 'component', 'remove', name);
    expect(read(home)).toBe(HAND_WRITTEN);
  });
});

describe('registry refusals leave the file as it was', () => {
  async function refused(home: Home, args: string[], message: string | RegExp): Promise<void> {
    const before = read(home);
    const run = await registry(home, ...args);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(read(home)).toBe(before);
  }

  // What the commands above write for: component add strings STRINGS, first strings, second
  // first; profile add core strings; profile add dev second -b core.
  async function seeded(): Promise<Home> {
    const home = newHome();
    handWritten(home, `${HAND_WRITTEN}strings = ${JSON.stringify(STRINGS)}
first = "strings"
second = "first"

[profiles.core]
components = ["strings"]

[profiles.dev]
base = "core"
components = ["second"]
`);
    return home;
  }

  it('an alias that would loop', async () => {
    const home = await seeded();
    await refused(home, ['component', 'add', 'first', 'second', '--force'], 'alias first loops: first -> second -> first');
    await refused(home, ['component', 'add', 'strings', 'strings', '--force'], 'alias strings loops: strings -> strings');
  });

  it('a profile that would loop through its base', async () => {
    const home = await seeded();
    await refused(home, ['profile', 'add', 'core', 'strings', '-b', 'dev', '--force'], 'profile core loops: core -> dev -> core');
  });

  it('a profile whose base does not exist', async () => {
    const home = await seeded();
    await refused(home, ['profile', 'add', 'prod', 'strings', '-b', 'staging'], 'profile prod cannot be based on "staging": no such profile');
    await refused(home, ['profile', 'add', 'prod', 'strings', '-b', 'strings'], 'profile prod cannot be based on "strings": no such profile');
  });

  it('removing what another entry is built on', async () => {
    const home = await seeded();
    await refused(home, ['profile', 'remove', 'core'], 'profile dev is based on "core", which is no profile');
    await refused(home, ['component', 'remove', 'first'], 'alias second names "first", which is no file');
    await refused(home, ['component', 'remove', 'nothing'], 'nothing is no alias');
    await refused(home, ['profile', 'remove', 'strings'], /strings is no profile of .* \(it is an alias\)/);
  });

  it('a name taken by an alias or a profile, unless --force', async () => {
    const home = await seeded();
    await refused(home, ['component', 'add', 'strings', SDK_TOOLS], `strings is already an alias of ${STRINGS}; give --force to replace it`);
    await refused(home, ['component', 'add', 'core', SDK_TOOLS], 'core is already a profile (core = strings); give --force');
    await refused(home, ['profile', 'add', 'first', 'strings'], 'first is already an alias of strings; give --force');
    await refused(home, ['profile', 'add', 'dev', 'strings'], 'dev is already a profile (dev = core + second); give --force');
    // --force replaces, but not into a broken registry: dev is based on core.
    await refused(home, ['component', 'add', 'core', SDK_TOOLS, '--force'], 'profile dev is based on "core", which is no profile');
    await ok(home, 'component', 'add', 'strings', SDK_TOOLS, '--force');
    expect(read(home)).toContain(`strings = ${JSON.stringify(SDK_TOOLS)}\nfirst = "strings"`);
    await ok(home, 'profile', 'add', 'dev', 'strings', '--force');
    await ok(home, 'component', 'add', 'dev', SDK_TOOLS, '--force');
    expect(read(home)).not.toContain('[profiles.dev]');
    expect(read(home)).toContain(`dev = ${JSON.stringify(SDK_TOOLS)}`);
  });

  it('a component file that does not exist, and a registry reference that is malformed', async () => {
    const home = await seeded();
    await refused(home, ['component', 'add', 'gone', './missing.wasm'], 'alias gone: no such component "./missing.wasm"');
    await refused(home, ['profile', 'add', 'prod', 'strings', 'missing.wasm'], 'profile prod: no such component "missing.wasm"');
    await refused(home, ['component', 'add', 'dir', '.'], 'alias dir: . is not a file');
    await refused(home, ['component', 'add', 'bad', 'oci://ghcr.io/Org/tools:1'], 'bad OCI reference');
  });

  it('a config that is not valid TOML or has unknown settings', async () => {
    const home = newHome();
    handWritten(home, '[aliases]\nstrings = \n');
    await refused(home, ['component', 'add', 'other', STRINGS], /bad config .*config\.toml/);
    handWritten(home, 'registry = "x"\n');
    await refused(home, ['component', 'add', 'other', STRINGS], 'unknown setting registry');
  });

  it('bad usage exits 2 with the usage', async () => {
    const home = await seeded();
    for (const args of [['component', 'add', 'x'], ['component', 'add', 'no/slash', STRINGS], ['profile', 'add', 'p'], ['component', 'list', '--force'], ['teleport']]) {
      const run = await registry(home, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage: wasmcp-ts registry component add');
    }
  });
});

describe('aliases and profiles where components are taken', () => {
  let server: ChildProcess | undefined;
  afterEach(() => {
    server?.kill('SIGTERM');
    server = undefined;
  });

  async function serve(home: Home, ...components: string[]): Promise<URL> {
    server = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--workers', '1', '--kv', 'memory', ...components], { cwd: home.cwd, env: home.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    return new Promise<URL>((resolve, reject) => {
      server!.stderr!.on('data', (chunk: Buffer) => {
        output += chunk;
        const url = /MCP server on (http:\/\/\S+)/.exec(output)?.[1];
        if (url) resolve(new URL(url));
      });
      server!.on('exit', (code) => reject(new Error(`serve exited (${code}):\n${output}`)));
    });
  }

  async function connected<T>(transport: StreamableHTTPClientTransport | StdioClientTransport, use: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ name: 'registry-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      return await use(client);
    } finally {
      await client.close();
    }
  }

  it('serve takes an alias of an alias: the official client calls its tool', async () => {
    const home = newHome();
    await ok(home, 'component', 'add', 'strings', STRINGS);
    await ok(home, 'component', 'add', 'text', 'strings');
    const url = await serve(home, 'text');
    const result = await connected(new StreamableHTTPClientTransport(url), (client) => client.callTool({ name: 'uppercase', arguments: { text: 'alias' } }));
    expect(result).toEqual({ content: [{ type: 'text', text: 'ALIAS' }] });
  });

  it('serve takes a profile: its base profile’s components come first', async () => {
    const home = newHome();
    await ok(home, 'component', 'add', 'strings', STRINGS);
    await ok(home, 'profile', 'add', 'core', 'strings');
    await ok(home, 'profile', 'add', 'dev', SDK_TOOLS, '-b', 'core');
    const url = await serve(home, 'dev');
    const { tools, called } = await connected(new StreamableHTTPClientTransport(url), async (client) => ({
      tools: (await client.listTools()).tools.map((tool) => tool.name),
      called: await client.callTool({ name: 'repeat', arguments: { word: 'ab', times: 3 } }),
    }));
    expect(tools.slice(0, 4)).toEqual(['reverse', 'uppercase', 'lowercase', 'word_count']);
    expect(tools).toContain('describe_order');
    expect(called).toEqual({ content: [{ type: 'text', text: 'ab ab ab' }] });
  });

  it('stdio takes a profile', async () => {
    const home = newHome();
    await ok(home, 'profile', 'add', 'core', STRINGS);
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'stdio', 'core'], cwd: home.cwd, env: home.env as Record<string, string>, stderr: 'pipe' });
    const result = await connected(transport, (client) => client.callTool({ name: 'reverse', arguments: { text: 'stdio' } }));
    expect(result).toEqual({ content: [{ type: 'text', text: 'oidts' }] });
  });

  it('an alias naming a registry reference is resolved when used, with the error of that step', async () => {
    const home = newHome();
    await ok(home, 'component', 'add', 'later', 'nowhere:tools@1.0.0');
    const run = spawnSync(process.execPath, [CLI, 'stdio', 'later'], { cwd: home.cwd, env: home.env, input: '', encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no registry for namespace nowhere of nowhere:tools@1.0.0');
  });
});
