// The framework pieces the runtime runs in Node behind the fused framework (src/host-pieces.ts),
// driven as jco drives them: a capability provider and a next handler that are components'
// exports (a WIT error thrown as an object with a payload, a trap as a RuntimeError). The
// built chains over them are tested by every serve and stdio test of a separate component.
import { invalidParams, methodNotFound, type ServerHandler } from '@wasmcp-ts/protocol';
import { describe, expect, it } from 'vitest';
import { ComponentFailures, HostedServices, hostedMethodNotFound, hostedMiddleware } from '../src/host-pieces.js';

type Any = any;

const ctx = {} as Any;
const request = (tag: string, val: unknown = {}) => ({ tag: 'request', val: [{ tag: 'number', val: 1n }, { tag, val }] }) as Any;
const text = (val: string) => ({ content: [{ tag: 'text', val: { text: { tag: 'text', val } } }] });
const services = new HostedServices({});

function toolsChain(tools: object) {
  const failures = new ComponentFailures();
  return hostedMiddleware('tools', tools, hostedMethodNotFound(failures), services, failures);
}

describe('hosted capability middleware', () => {
  const tools = {
    listTools: () => ({ tools: [{ name: 'echo', inputSchema: '{}' }] }),
    callTool: (_ctx: unknown, call: { name: string }) => (call.name === 'echo' ? text('hi') : undefined),
  };

  it('answers at once: ours, nobody owns it, and the end of the chain', () => {
    const chain = toolsChain(tools);
    expect(chain.handle(ctx, request('tools-list'))).toEqual({ tag: 'ok', val: { tag: 'tools-list', val: { tools: [{ name: 'echo', inputSchema: '{}' }] } } });
    expect(chain.handle(ctx, request('tools-call', { name: 'echo' }))).toEqual({ tag: 'ok', val: { tag: 'tools-call', val: text('hi') } });
    expect(chain.handle(ctx, request('tools-call', { name: 'nope' }))).toEqual({ tag: 'err', val: invalidParams('Unknown tool: nope') });
    expect(chain.handle(ctx, request('ping'))).toEqual({ tag: 'err', val: methodNotFound('ping') });
  });

  it("answers a component's WIT error, and throws its trap on to the caller, once", () => {
    let trap = true;
    const chain = toolsChain({
      ...tools,
      callTool: (_ctx: unknown, call: { name: string }) => {
        if (call.name === 'bad') throw Object.assign(new Error('err'), { payload: invalidParams('bad arguments') });
        if (trap) throw new WebAssembly.RuntimeError('unreachable');
        return text('after');
      },
    });
    expect(chain.handle(ctx, request('tools-call', { name: 'bad' }))).toEqual({ tag: 'err', val: invalidParams('bad arguments') });
    expect(() => chain.handle(ctx, request('tools-call', { name: 'x' }))).toThrow(WebAssembly.RuntimeError);
    trap = false;
    expect(chain.handle(ctx, request('tools-call', { name: 'x' }))).toEqual({ tag: 'ok', val: { tag: 'tools-call', val: text('after') } });
  });

  it('throws a trap below a nested hosted piece on through the outer one', () => {
    const failures = new ComponentFailures();
    const trapping: ServerHandler = {
      handle: () => {
        throw new WebAssembly.RuntimeError('unreachable');
      },
    };
    const inner = hostedMiddleware('prompts', { listPrompts: () => ({ prompts: [] }) }, trapping, services, failures);
    const outer = hostedMiddleware('tools', tools, inner, services, failures);
    expect(() => outer.handle(ctx, request('tools-list'))).toThrow('unreachable');
  });

  it('answers an internal error, never a promise, if a step was asynchronous', async () => {
    const answer = toolsChain({ ...tools, listTools: async () => ({ tools: [] }) }).handle(ctx, request('tools-list'));
    expect(answer).toMatchObject({ tag: 'err', val: { tag: 'internal-error', val: { message: expect.stringContaining('did not answer at once') } } });
  });
});
