// The user's registry settings, ~/.config/wasmcp-ts/config.toml ($XDG_CONFIG_HOME honoured):
//
//   framework = "oci://ghcr.io/wasmcp-ts"    # where framework components come from
//   [namespaces]                              # namespace:name@version -> REGISTRY/PATH/name:version
//   wasmcp-ts = "ghcr.io/wasmcp-ts"
//   [aliases]                                 # a short name for any component reference
//   calc = "wasmcp-ts:calculator@0.1.0"
//   [profiles.dev]                            # a saved list of components (`wasmcp-ts registry`)
//   base = "core"                             # another profile, whose components come first
//   components = ["calc", "./weather.wasm"]
//   output = "/home/me/dev-server.wasm"       # where `compose` writes it when given no -o
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { OCI_SCHEME, parseOciReference } from './reference.js';

export interface RegistryConfig {
  /** `oci://REGISTRY/PATH`: framework component NAME is pulled from there as NAME:VERSION. */
  framework?: string;
  /** Namespace -> `REGISTRY/PATH` (no scheme). */
  namespaces: Record<string, string>;
  /** Alias -> a component reference (file, oci:// or namespace:name@version). */
  aliases: Record<string, string>;
  /** Profile name -> a saved list of components. */
  profiles: Record<string, Profile>;
}

export interface Profile {
  /** Another profile, whose components come before these. */
  base?: string;
  /** Component references, aliases or profiles. */
  components: string[];
  /** Where `compose` writes this profile's server when given no output. */
  output?: string;
}

export const EMPTY_REGISTRY_CONFIG: RegistryConfig = { namespaces: {}, aliases: {}, profiles: {} };

export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'wasmcp-ts', 'config.toml');
}

/** Reads the config; a missing file at the default path is an empty config, elsewhere an error. */
export async function loadRegistryConfig(path?: string): Promise<RegistryConfig> {
  const file = path ?? defaultConfigPath();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && path === undefined) return EMPTY_REGISTRY_CONFIG;
    throw new Error(`cannot read the config ${file}: ${(err as Error).message}`);
  }
  try {
    return parseRegistryConfig(text);
  } catch (err) {
    throw new Error(`bad config ${file}: ${(err as Error).message}`);
  }
}

export function parseRegistryConfig(text: string): RegistryConfig {
  const doc = parse(text) as Record<string, unknown>;
  const unknown = Object.keys(doc).filter((k) => !['framework', 'namespaces', 'aliases', 'profiles'].includes(k));
  if (unknown.length) throw new Error(`unknown setting ${unknown.join(', ')} (known: framework, [namespaces], [aliases], [profiles.NAME])`);
  const config: RegistryConfig = {
    namespaces: stringTable(doc.namespaces, 'namespaces'),
    aliases: stringTable(doc.aliases, 'aliases'),
    profiles: profileTables(doc.profiles),
  };
  if (doc.framework !== undefined) {
    if (typeof doc.framework !== 'string' || !doc.framework.startsWith(OCI_SCHEME)) throw new Error('framework must be a string oci://REGISTRY/PATH');
    config.framework = doc.framework;
  }
  for (const [namespace, target] of Object.entries(config.namespaces)) {
    const prefix = (target.startsWith(OCI_SCHEME) ? target.slice(OCI_SCHEME.length) : target).replace(/\/+$/, '');
    // A probe reference checks the registry host and path grammar once, here.
    parseOciReference(`${prefix}/probe:0`);
    config.namespaces[namespace] = prefix;
  }
  return config;
}

function stringTable(value: unknown, name: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isTable(value)) throw new Error(`[${name}] must be a table`);
  const table: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new Error(`${name}.${key} must be a string`);
    table[key] = v;
  }
  return table;
}

function profileTables(value: unknown): Record<string, Profile> {
  if (value === undefined) return {};
  if (!isTable(value)) throw new Error('[profiles] must be a table of [profiles.NAME] tables');
  const profiles: Record<string, Profile> = {};
  for (const [name, table] of Object.entries(value)) {
    if (!isTable(table)) throw new Error(`profiles.${name} must be a table`);
    const unknown = Object.keys(table).filter((k) => !['base', 'components', 'output'].includes(k));
    if (unknown.length) throw new Error(`unknown setting ${unknown.map((k) => `profiles.${name}.${k}`).join(', ')} (known: base, components, output)`);
    const { base, components = [], output } = table;
    if (!Array.isArray(components) || !components.every((c) => typeof c === 'string')) throw new Error(`profiles.${name}.components must be an array of strings`);
    if (base !== undefined && typeof base !== 'string') throw new Error(`profiles.${name}.base must be a string`);
    if (output !== undefined && typeof output !== 'string') throw new Error(`profiles.${name}.output must be a string`);
    profiles[name] = { components, ...(base !== undefined && { base }), ...(output !== undefined && { output }) };
  }
  return profiles;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
