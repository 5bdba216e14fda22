// completions-middleware, built, composed by the runtime: the example resources and prompts
// components both complete, each for its own references.
import { compose, type ServerHandlerExport } from '@wasmcp-ts/runtime';
import type { CompleteRequest } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { example, VARIANTS } from '../../../test/support/artifacts.js';
import { ok, request, send } from '../../../test/support/messages.js';

const complete = (chain: ServerHandlerExport, val: CompleteRequest) => send(chain, request({ tag: 'completion-complete', val }));
const promptRef = (name: string) => ({ tag: 'prompt' as const, val: { name } });
const templateRef = (uri: string) => ({ tag: 'resource-template' as const, val: uri });

describe.each(VARIANTS)('completions chain (%s)', (variant) => {
  let chain: ServerHandlerExport;
  beforeAll(async () => {
    chain = (await compose({ components: [example('resources', variant), example('prompts', variant)], variant })).handler;
  });

  it('completes a prompt argument in the component that owns the prompt (the second one)', () => {
    const result = ok(complete(chain, { ref: promptRef('code_review'), argument: { name: 'language', value: 'ja' } }), 'completion-complete');
    expect(result).toMatchObject({ values: ['java', 'javascript'], total: 2n, hasMore: false });
  });

  it('completes a resource template variable in the component that owns the template (the first one)', () => {
    const result = ok(complete(chain, { ref: templateRef('colors://{name}'), argument: { name: 'name', value: 'bl' } }), 'completion-complete');
    expect(result.values).toEqual(['black', 'blue']);
  });

  it('a reference nobody owns is -32602 naming it', () => {
    expect(complete(chain, { ref: promptRef('nope'), argument: { name: 'x', value: '' } })).toEqual({
      tag: 'err',
      val: { tag: 'invalid-params', val: { code: -32602n, message: 'Unknown reference: prompt nope' } },
    });
    expect(complete(chain, { ref: templateRef('files:///{path}'), argument: { name: 'path', value: '' } })).toMatchObject({
      val: { val: { code: -32602n, message: 'Unknown reference: resource template files:///{path}' } },
    });
  });

  it("a component's own error for its reference reaches the client", () => {
    expect(complete(chain, { ref: templateRef('colors://{name}'), argument: { name: 'shade', value: '' } })).toMatchObject({
      tag: 'err',
      val: { tag: 'invalid-params', val: { code: -32602n, message: 'colors://{name} has no argument "shade"' } },
    });
  });
});

describe.each(VARIANTS)('a chain without a completions component (%s)', (variant) => {
  it('answers completion/complete with -32601', async () => {
    const chain = (await compose({ components: [example('calculator', variant)], variant })).handler;
    expect(complete(chain, { ref: promptRef('code_review'), argument: { name: 'language', value: '' } })).toMatchObject({
      tag: 'err',
      val: { tag: 'method-not-found', val: { code: -32601n } },
    });
  });
});
