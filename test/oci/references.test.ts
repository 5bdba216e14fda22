// What users type: OCI references, the registry config, and the world a component declares.
import { describe, expect, it } from 'vitest';
import { parseOciReference, registryBaseUrl } from '../../packages/runtime/src/oci/reference.js';
import { parseRegistryConfig } from '../../packages/runtime/src/oci/registry-config.js';
import { worldItems } from '../../scripts/publish/component-world.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('OCI references', () => {
  it('parses registry, repository, tag and digest', () => {
    expect(parseOciReference('oci://ghcr.io/org/http-transport:0.1.0')).toEqual({ registry: 'ghcr.io', repository: 'org/http-transport', tag: '0.1.0', digest: undefined });
    expect(parseOciReference(`oci://127.0.0.1:5000/a/b/c@${DIGEST}`)).toEqual({ registry: '127.0.0.1:5000', repository: 'a/b/c', tag: undefined, digest: DIGEST });
    expect(parseOciReference(`localhost:5000/x:1@${DIGEST}`)).toMatchObject({ registry: 'localhost:5000', tag: '1', digest: DIGEST });
  });

  it('says what is wrong with a bad reference', () => {
    expect(() => parseOciReference('oci://ghcr.io/org/tool')).toThrow('no tag or digest');
    expect(() => parseOciReference('oci://tool:1.0')).toThrow('no registry host');
    expect(() => parseOciReference('oci://ghcr.io/Org/tool:1')).toThrow('"Org/tool" is not a repository name');
    expect(() => parseOciReference('oci://ghcr.io/org/tool@sha256:123')).toThrow('is not a sha256 digest');
  });

  it('speaks plain HTTP to registries on this machine only', () => {
    expect(registryBaseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(registryBaseUrl('localhost:5000')).toBe('http://localhost:5000');
    expect(registryBaseUrl('[::1]:5000')).toBe('http://[::1]:5000');
    expect(registryBaseUrl('ghcr.io')).toBe('https://ghcr.io');
    expect(registryBaseUrl('127.example.com')).toBe('https://127.example.com');
  });
});

describe('registry config', () => {
  it('maps namespaces to registries and keeps aliases and the framework source', () => {
    const config = parseRegistryConfig('framework = "oci://ghcr.io/wasmcp-ts"\n[namespaces]\nwasmcp-ts = "oci://ghcr.io/wasmcp-ts/"\n[aliases]\ncalc = "wasmcp-ts:calculator@0.1.0"\n');
    expect(config).toEqual({ framework: 'oci://ghcr.io/wasmcp-ts', namespaces: { 'wasmcp-ts': 'ghcr.io/wasmcp-ts' }, aliases: { calc: 'wasmcp-ts:calculator@0.1.0' }, profiles: {} });
  });

  it('rejects unknown settings and values of the wrong kind', () => {
    expect(() => parseRegistryConfig('registry = "x"')).toThrow('unknown setting registry');
    expect(() => parseRegistryConfig('[namespaces]\nx = 1')).toThrow('namespaces.x must be a string');
    expect(() => parseRegistryConfig('framework = "ghcr.io/x"')).toThrow('framework must be a string oci://REGISTRY/PATH');
  });
});

describe('world of a component', () => {
  it('lists imports and exports by ID, or by name for functions and inline interfaces', () => {
    const wit = [
      'package root:component;',
      '',
      'world root {',
      '  import wasi:io/poll@0.2.12;',
      '  import get-thing: func(a: u32) -> string;',
      '  import inline: interface {',
      '    export-like: func();',
      '  }',
      '',
      '  export wasmcp:mcp-v20251125/server-handler@0.1.1;',
      '  export run: func();',
      '}',
    ].join('\n');
    expect(worldItems(wit)).toEqual({ imports: ['wasi:io/poll@0.2.12', 'get-thing', 'inline'], exports: ['wasmcp:mcp-v20251125/server-handler@0.1.1', 'run'] });
  });
});
