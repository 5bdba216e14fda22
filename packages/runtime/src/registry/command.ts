// `wasmcp-ts registry`: the user's component aliases and profiles, kept in the config file the
// runtime reads. A change that would leave an alias or profile that cannot be expanded (a loop,
// a missing base, a target naming nothing) is refused and the file left as it was.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OCI_SCHEME, parseOciReference } from '../oci/reference.js';
import { defaultConfigPath, parseRegistryConfig, type Profile, type RegistryConfig } from '../oci/registry-config.js';
import { entryKind, expandComponents, isRegistryReference, registryProblems } from './expand.js';
import { readConfigFile, updateConfigFile } from './store.js';
import { removeTable, removeValue, setValue } from './toml-edit.js';

export const REGISTRY_USAGE = `Usage: wasmcp-ts registry component add NAME COMPONENT [--force]
       wasmcp-ts registry component list
       wasmcp-ts registry component remove NAME
       wasmcp-ts registry profile add NAME [COMPONENT...] [-b BASE] [-o OUTPUT] [--force]
       wasmcp-ts registry profile list
       wasmcp-ts registry profile remove NAME
       wasmcp-ts registry info [-c|--components] [-p|--profiles]

Keeps short names in the config (~/.config/wasmcp-ts/config.toml, $XDG_CONFIG_HOME honoured),
which serve, stdio and compose take wherever they take a component:
  an alias (component add) names one component: a .wasm file (stored as an absolute path, and
    it must exist), oci://REGISTRY/REPOSITORY:TAG or namespace:name@version (pulled when used),
    or another alias;
  a profile (profile add) is a list of components, aliases or profiles, after the components of
    its base profile (-b); -o is the file compose writes it to when given no -o.
A name is letters, digits, - and _; one name is an alias or a profile, not both: --force
replaces the entry of that name. Comments and other settings of the file are kept.

Options:
  --config FILE   the config file instead of the default
  -h, --help      this text
`;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

class UsageError extends Error {}

/** Runs `wasmcp-ts registry ARGS`; a usage error exits 2, a refused change 1. */
export async function registryCommand(args: string[]): Promise<void> {
  try {
    await run(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`wasmcp-ts registry: ${err.message}\n\n${REGISTRY_USAGE}`);
    process.exit(2);
  }
}

async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgsOrUsage(args);
  if (values.help || positionals.length === 0) {
    process.stdout.write(REGISTRY_USAGE);
    return;
  }
  const file = values.config ?? defaultConfigPath();
  const [group, action, name, ...rest] = positionals;
  const command = group === 'info' ? 'info' : `${group} ${action ?? ''}`.trim();
  const allowed: Record<string, string[]> = {
    'component add': ['config', 'force'],
    'component list': ['config'],
    'component remove': ['config'],
    'profile add': ['config', 'force', 'output', 'base'],
    'profile list': ['config'],
    'profile remove': ['config'],
    info: ['config', 'components', 'profiles'],
  };
  if (!allowed[command]) throw new UsageError(`unknown command registry ${command}`);
  const given = Object.entries(values).filter(([key, value]) => key !== 'help' && value !== undefined && value !== false);
  const misplaced = given.filter(([key]) => !allowed[command].includes(key)).map(([key]) => `--${key}`);
  if (misplaced.length) throw new UsageError(`registry ${command} takes no ${misplaced.join(', ')}`);

  switch (command) {
    case 'component add': {
      if (rest.length !== 1) throw new UsageError('registry component add takes NAME and one COMPONENT');
      const message = await updateConfigFile(file, (text, config) => {
        const replaced = claimName(config, checkName(name), values.force);
        const target = storedReference(rest[0], config, `alias ${name}`);
        if (entryKind(config, target) === 'profile') throw new Error(`alias ${name} cannot name profile ${target}: an alias names one component`);
        let next = replaced === 'profile' ? removeTable(text, ['profiles', name]) : text;
        next = setValue(next, ['aliases', name], target);
        refuseNewProblems(config, next, file);
        return { text: next, message: `${replaced ? 'replaced' : 'added'} alias ${name} = ${target} in ${file}` };
      });
      process.stdout.write(`${message}\n`);
      return;
    }
    case 'profile add': {
      const profileName = checkName(name);
      if (rest.length === 0 && values.base === undefined) throw new UsageError('registry profile add takes NAME and at least one COMPONENT or a -b BASE');
      const message = await updateConfigFile(file, (text, config) => {
        const replaced = claimName(config, profileName, values.force);
        const profile: Profile = { components: rest.map((component) => storedReference(component, config, `profile ${profileName}`)) };
        if (values.base !== undefined) {
          if (entryKind(config, values.base) !== 'profile' || values.base === profileName) throw new Error(`profile ${profileName} cannot be based on ${JSON.stringify(values.base)}: no such profile`);
          profile.base = values.base;
        }
        if (values.output !== undefined) profile.output = resolve(values.output);
        let next = replaced === 'alias' ? removeValue(text, ['aliases', profileName]) : text;
        next = writeProfile(next, profileName, profile);
        refuseNewProblems(config, next, file);
        return { text: next, message: `${replaced ? 'replaced' : 'added'} profile ${describeProfile(profileName, profile)} in ${file}` };
      });
      process.stdout.write(`${message}\n`);
      return;
    }
    case 'component remove':
    case 'profile remove': {
      if (rest.length !== 0 || name === undefined) throw new UsageError(`registry ${command} takes one NAME`);
      const kind = group === 'component' ? 'alias' : 'profile';
      const message = await updateConfigFile(file, (text, config) => {
        if (entryKind(config, name) !== kind) throw new Error(`${name} is no ${kind} of ${file}${entryKind(config, name) ? ` (it is a${kind === 'alias' ? ' profile' : 'n alias'})` : ''}`);
        const next = kind === 'alias' ? removeValue(text, ['aliases', name]) : removeTable(text, ['profiles', name]);
        refuseNewProblems(config, next, file);
        return { text: next, message: `removed ${kind} ${name} from ${file}` };
      });
      process.stdout.write(`${message}\n`);
      return;
    }
    case 'component list':
    case 'profile list':
    case 'info': {
      if (command !== 'info' ? name !== undefined : action !== undefined) throw new UsageError(`registry ${command} takes no arguments`);
      const { config } = await readConfigFile(file);
      const both = !values.components && !values.profiles;
      const lines: string[] = [];
      if (command === 'info') lines.push(`config: ${file}${existsSync(file) ? '' : ' (not written yet)'}`);
      if (command === 'component list' || (command === 'info' && (both || values.components))) {
        if (command === 'info') lines.push('components:');
        lines.push(...aliasLines(config, command === 'info' ? '  ' : ''));
      }
      if (command === 'profile list' || (command === 'info' && (both || values.profiles))) {
        if (command === 'info') lines.push('profiles:');
        lines.push(...profileLines(config, command === 'info' ? '  ' : '', command === 'info'));
      }
      process.stdout.write(lines.map((line) => `${line}\n`).join(''));
      return;
    }
  }
}

const OPTIONS = {
  config: { type: 'string' },
  force: { type: 'boolean', default: false },
  output: { type: 'string', short: 'o' },
  base: { type: 'string', short: 'b' },
  components: { type: 'boolean', short: 'c', default: false },
  profiles: { type: 'boolean', short: 'p', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parseArgsOrUsage(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function checkName(name: string | undefined): string {
  if (name === undefined) throw new UsageError('give a NAME');
  if (!NAME.test(name)) throw new UsageError(`a name is letters, digits, - and _ (starting with a letter or digit), got ${JSON.stringify(name)}`);
  return name;
}

/** The kind of entry `name` already is (to be replaced), refused without --force. */
function claimName(config: RegistryConfig, name: string, force: boolean | undefined): 'alias' | 'profile' | undefined {
  const kind = entryKind(config, name);
  if (kind && !force) {
    const what = kind === 'alias' ? `an alias of ${config.aliases[name]}` : `a profile (${describeProfile(name, config.profiles[name])})`;
    throw new Error(`${name} is already ${what}; give --force to replace it`);
  }
  return kind;
}

/** What the config stores for a component argument: a registry reference as it is, a file as an absolute path, a name of the config as it is. */
function storedReference(arg: string, config: RegistryConfig, owner: string): string {
  if (isRegistryReference(arg)) {
    // The syntax is checked now; the registry, when the component is used.
    if (arg.startsWith(OCI_SCHEME)) parseOciReference(arg);
    return arg;
  }
  if (existsSync(arg)) {
    if (!statSync(arg).isFile()) throw new Error(`${owner}: ${arg} is not a file`);
    return resolve(arg);
  }
  if (entryKind(config, arg)) return arg;
  throw new Error(`${owner}: no such component ${JSON.stringify(arg)} (not a file, an oci:// reference, a namespace:name@version, or an alias or profile of the config)`);
}

function writeProfile(text: string, name: string, profile: Profile): string {
  let next = text;
  for (const key of ['base', 'components', 'output'] as const) {
    const value = profile[key];
    next = value === undefined ? removeValue(next, ['profiles', name, key]) : setValue(next, ['profiles', name, key], value);
  }
  return next;
}

/** Throws when the new text's entries have a problem that the old ones did not have. */
function refuseNewProblems(before: RegistryConfig, text: string, file: string): void {
  const known = new Set(registryProblems(before));
  const added = registryProblems(parseRegistryConfig(text)).filter((problem) => !known.has(problem));
  if (added.length) throw new Error(`refused (${file} is unchanged): ${added.join('; ')}`);
}

function describeProfile(name: string, profile: Profile): string {
  const parts = [...(profile.base !== undefined ? [`${profile.base} +`] : []), ...profile.components];
  return `${name} = ${parts.join(' ')}${profile.output !== undefined ? ` -> ${profile.output}` : ''}`;
}

function aliasLines(config: RegistryConfig, indent: string): string[] {
  const names = Object.keys(config.aliases);
  const width = Math.max(0, ...names.map((n) => n.length));
  return names.map((name) => `${indent}${name.padEnd(width)}  ${config.aliases[name]}`);
}

function profileLines(config: RegistryConfig, indent: string, expanded: boolean): string[] {
  return Object.entries(config.profiles).flatMap(([name, profile]) => {
    const lines = [`${indent}${describeProfile(name, profile)}`];
    if (expanded) {
      try {
        lines.push(`${indent}  components: ${expandComponents([name], config).join(' ')}`);
      } catch (err) {
        lines.push(`${indent}  error: ${(err as Error).message}`);
      }
    }
    return lines;
  });
}
