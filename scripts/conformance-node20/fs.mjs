// node:fs as Node 22 has it, for the conformance suite on Node 20: everything of node:fs, plus
// `globSync(pattern, { cwd })`, which the suite uses to collect checks.json files of a run.
import fs from 'node:fs';
import { matchesGlob } from 'node:path';

export * from 'node:fs';
export default fs;

/** Paths under `cwd` (relative to it) that match the glob `pattern`. */
export function globSync(pattern, { cwd = process.cwd() } = {}) {
  return fs.readdirSync(cwd, { recursive: true }).filter((path) => matchesGlob(path, pattern));
}
