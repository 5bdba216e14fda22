// The scope policy document (src/policy.ts) without the component.
import type { ClientMessage, ClientRequest } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import { describe, expect, it } from 'vitest';
import { missingScopes, parsePolicy, requiredScopes } from '../src/policy.js';

const request = (req: ClientRequest): ClientMessage => ({ tag: 'request', val: [{ tag: 'number', val: 1n }, req] });

describe('parsePolicy', () => {
  it('an absent or empty policy requires nothing', () => {
    expect(requiredScopes(parsePolicy(undefined), request({ tag: 'tools-call', val: { name: 'x' } }))).toEqual([]);
    expect(requiredScopes(parsePolicy('  '), request({ tag: 'tools-call', val: { name: 'x' } }))).toEqual([]);
  });

  it.each([
    ['[]', /must be a JSON object/],
    ['{"tool": {}}', /unknown section\(s\) "tool"/],
    ['{"tools": []}', /tools must be an object/],
    ['{"tools": {"a": "admin"}}', /tools\["a"\] must be a list of scope tokens/],
    ['{"methods": {"tools/call": ["two words"]}}', /must be a list of scope tokens/],
    ['{"methods":', /not valid JSON/],
  ])('%s is refused', (text, message) => {
    expect(() => parsePolicy(text)).toThrow(message);
  });
});

describe('requiredScopes', () => {
  const policy = parsePolicy(
    JSON.stringify({
      methods: { '*': ['mcp'], 'tools/call': ['tools'] },
      tools: { rm: ['admin', 'tools'] },
      resources: { 'db://*': ['db'], 'db://prod/*': ['prod'], 'db://prod/readme': [] },
      prompts: { secret: ['vip'] },
    }),
  );

  it('adds the method scopes and the named thing scopes, once each', () => {
    expect(requiredScopes(policy, request({ tag: 'tools-call', val: { name: 'rm' } }))).toEqual(['tools', 'admin']);
    expect(requiredScopes(policy, request({ tag: 'tools-call', val: { name: 'ls' } }))).toEqual(['tools']);
  });

  it('uses the * method entry for methods without one', () => {
    expect(requiredScopes(policy, request({ tag: 'prompts-get', val: { name: 'secret' } }))).toEqual(['mcp', 'vip']);
  });

  it('picks the longest resource prefix, and an exact entry over any prefix', () => {
    expect(requiredScopes(policy, request({ tag: 'resources-read', val: { uri: 'db://prod/users' } }))).toEqual(['mcp', 'prod']);
    expect(requiredScopes(policy, request({ tag: 'resources-read', val: { uri: 'db://dev/users' } }))).toEqual(['mcp', 'db']);
    expect(requiredScopes(policy, request({ tag: 'resources-read', val: { uri: 'db://prod/readme' } }))).toEqual(['mcp']);
    expect(requiredScopes(policy, request({ tag: 'resources-subscribe', val: 'db://prod/x' }))).toEqual(['mcp', 'prod']);
  });

  it('answers to server requests need nothing', () => {
    expect(requiredScopes(policy, { tag: 'result', val: [{ tag: 'string', val: 'r' }, { tag: 'roots-list', val: { roots: [] } }] } as ClientMessage)).toEqual([]);
  });

  it('missingScopes lists what the token lacks', () => {
    expect(missingScopes(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c']);
    expect(missingScopes([], [])).toEqual([]);
  });
});
