// What the names of the user's registry stand for: an alias is one component (a file, a
// registry reference or another alias), a profile is a list of them after its base profile's.
// Every command that takes components (serve, stdio, compose) expands them here first.
import { existsSync } from 'node:fs';
import { OCI_SCHEME } from '../oci/reference.js';
import type { RegistryConfig } from '../oci/registry-config.js';

/** `namespace:name@version`, a component in the registry its namespace maps to. */
export const PACKAGE_REFERENCE = /^([a-z][a-z0-9-]*):([a-z][a-z0-9-]*)@([0-9A-Za-z._-]+)$/;

/** A reference to a registry artifact (checked when used, so that the registry can be offline until then). */
export function isRegistryReference(spec: string): boolean {
  return spec.startsWith(OCI_SCHEME) || PACKAGE_REFERENCE.test(spec);
}

/**
 * The concrete components (file paths, `oci://` and `namespace:name@version` references) that
 * `specs` stand for, in order: an existing file is itself, an alias is what it names, a profile
 * is its base profile's components followed by its own. A component reached twice is kept at
 * its first place. Throws on a loop, a missing base and an alias or profile entry naming
 * nothing; a spec that is no name of the config is returned as it is (a file path that
 * `resolveComponentFile` reports when it does not exist).
 */
export function expandComponents(specs: readonly string[], config: RegistryConfig): string[] {
  const expanded = specs.flatMap((spec) => (existsSync(spec) ? [spec] : expandName(spec, config, [])));
  return [...new Set(expanded)];
}

/** The output path of profile `name`, if it is a profile and has one. */
export function profileOutput(config: RegistryConfig, name: string): string | undefined {
  return Object.hasOwn(config.profiles, name) ? config.profiles[name].output : undefined;
}

/** The one component `spec` stands for; a profile is refused (it is a list). */
export function singleComponent(spec: string, config: RegistryConfig): string {
  if (existsSync(spec)) return spec;
  if (Object.hasOwn(config.profiles, spec)) throw new Error(`${spec} is a profile (a list of components), not one component`);
  return expandName(spec, config, [])[0];
}

/** What the entry `name` of the config is, for messages. */
export function entryKind(config: RegistryConfig, name: string): 'alias' | 'profile' | undefined {
  if (Object.hasOwn(config.aliases, name)) return 'alias';
  if (Object.hasOwn(config.profiles, name)) return 'profile';
  return undefined;
}

// `trail` is the chain of names being expanded, outermost first: a name met again is a loop.
function expandName(ref: string, config: RegistryConfig, trail: string[]): string[] {
  const kind = entryKind(config, ref);
  if (isRegistryReference(ref) || kind === undefined) {
    // Inside an entry, a target that is no name must be a file (written absolute by `registry`).
    if (trail.length > 0 && !isRegistryReference(ref) && !existsSync(ref)) {
      throw new Error(`${describe(config, trail.at(-1)!)} names ${JSON.stringify(ref)}, which is no file, oci:// reference, namespace:name@version, alias or profile`);
    }
    return [ref];
  }
  if (trail.includes(ref)) throw new Error(`${describe(config, trail[0])} loops: ${[...trail, ref].join(' -> ')}`);
  const inner = [...trail, ref];
  if (kind === 'alias') {
    const target = config.aliases[ref];
    if (entryKind(config, target) === 'profile') throw new Error(`alias ${ref} names profile ${target}: an alias names one component`);
    return expandName(target, config, inner);
  }
  const profile = config.profiles[ref];
  const base: string[] = [];
  if (profile.base !== undefined) {
    if (!Object.hasOwn(config.profiles, profile.base)) throw new Error(`profile ${ref} is based on ${JSON.stringify(profile.base)}, which is no profile`);
    base.push(...expandName(profile.base, config, inner));
  }
  return [...base, ...profile.components.flatMap((component) => expandName(component, config, inner))];
}

function describe(config: RegistryConfig, name: string): string {
  return `${entryKind(config, name)} ${name}`;
}

/**
 * What is wrong with the config's entries, one readable line each: names that are both an
 * alias and a profile, and entries that do not expand (loops, missing bases, targets that
 * name nothing). `registry` refuses a change that adds a line here.
 */
export function registryProblems(config: RegistryConfig): string[] {
  const problems = new Set<string>();
  for (const name of Object.keys(config.aliases)) {
    if (Object.hasOwn(config.profiles, name)) problems.add(`${name} is both an alias and a profile`);
  }
  for (const name of [...Object.keys(config.aliases), ...Object.keys(config.profiles)]) {
    try {
      expandName(name, config, []);
    } catch (err) {
      problems.add((err as Error).message);
    }
  }
  return [...problems];
}
