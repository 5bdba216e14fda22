// The user's registry settings, ~/.config/wasmcp-ts/config.toml ($XDG_CONFIG_HOME honoured):
//
//   framework = "oci://ghcr.io/wasmcp-ts"    # where framework components come from
//   [namespaces]                              # namespace:name@version -> REGISTRY/PATH/name:version
//   wasmcp-ts = "ghcr.io/wasmcp-ts"
//   [aliases]                                 # a short name for any component reference
//   calc = "wasmcp-ts:calculator@0.1.0"
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
}

export const EMPTY_REGISTRY_CONFIG: RegistryConfig = { namespaces: {}, aliases: {} };

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
  const unknown = Object.keys(doc).filter((k) => !['framework', 'namespaces', 'aliases'].includes(k));
  if (unknown.length) throw new Error(`unknown setting ${unknown.join(', ')} (known: framework, [namespaces], [aliases])`);
  const config: RegistryConfig = { namespaces: stringTable(doc.namespaces, 'namespaces'), aliases: stringTable(doc.aliases, 'aliases') };
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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`[${name}] must be a table`);
  const table: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new Error(`${name}.${key} must be a string`);
    table[key] = v;
  }
  return table;
}
