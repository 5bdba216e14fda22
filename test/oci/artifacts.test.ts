// The set a release publishes: both variants of every component package (its fused artifacts
// included) and the WIT packages.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releaseArtifacts } from '../../scripts/publish/artifacts.js';
import { ROOT } from './registry.js';

describe('release artifacts', () => {
  it('are NAME and NAME-d2 of every component package, and the three WIT packages', async () => {
    const artifacts = await releaseArtifacts(ROOT);
    const components = artifacts.filter((a) => a.kind === 'component');
    const names = components.map((a) => a.name);
    const separate = ['http-transport', 'stdio-transport', 'sessions', 'authorization', 'server-io', 'method-not-found', 'tools-middleware', 'calculator', 'string-tools'];
    const fused = ['framework-http', 'framework-stdio', 'examples-server'];
    for (const name of [...separate, ...fused]) {
      expect(names).toContain(name);
      expect(names).toContain(`${name}-d2`);
    }
    for (const name of names.filter((n) => !n.endsWith('-d2'))) expect(names).toContain(`${name}-d2`);
    for (const artifact of components) expect(existsSync(artifact.file), artifact.file).toBe(true);
    expect(artifacts.filter((a) => a.kind === 'wit').map((a) => `${a.name}@${a.version}`)).toEqual(['mcp-v20251125@0.1.1', 'keyvalue@0.1.0', 'auth@0.1.1']);
  });

  it('an unknown name is an error that lists the known ones', async () => {
    await expect(releaseArtifacts(ROOT, ['calculator', 'nope'])).rejects.toThrow(/^no artifact named nope \(known: .*calculator-d2.*mcp-v20251125/);
  });
});
