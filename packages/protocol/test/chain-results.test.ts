import { describe, expect, it } from 'vitest';
import { internalError, invalidParams, methodNotFound, ProtocolError } from '../src/errors.js';
import { isUnowned, listOursThenDownstream, oursOrDownstream, type HandlerResult } from '../src/chain-results.js';

const tools = (...names: string[]) => names.map((name) => ({ name, inputSchema: '{}' }));
const downstreamList = (names: string[], nextCursor?: string): HandlerResult => ({ tag: 'ok', val: { tag: 'tools-list', val: { tools: tools(...names), nextCursor } } });
const fail = (e: ReturnType<typeof internalError>) => () => {
  throw new ProtocolError(e);
};

describe('listOursThenDownstream', () => {
  it('puts ours first and takes the downstream cursor, else ours', async () => {
    expect(await listOursThenDownstream('tools-list', () => ({ tools: tools('a'), nextCursor: 'ours' }), () => downstreamList(['b'], 'theirs'))).toEqual({
      tag: 'ok',
      val: { tag: 'tools-list', val: { tools: tools('a', 'b'), nextCursor: 'theirs', meta: undefined } },
    });
    expect(await listOursThenDownstream('tools-list', () => ({ tools: tools('a'), nextCursor: 'ours' }), () => downstreamList(['b']))).toMatchObject({
      val: { val: { nextCursor: 'ours' } },
    });
  });

  it('a failing or absent downstream adds nothing', async () => {
    const ours = () => ({ tools: tools('a') });
    for (const below of [{ tag: 'err' as const, val: methodNotFound('tools/list') }, { tag: 'err' as const, val: internalError() }, undefined]) {
      expect(await listOursThenDownstream('tools-list', ours, () => below)).toEqual({ tag: 'ok', val: { tag: 'tools-list', val: { tools: tools('a') } } });
    }
  });

  it('a component answering method-not-found leaves the list to downstream; its other errors are the answer', async () => {
    expect(await listOursThenDownstream('tools-list', fail(methodNotFound('tools/list')), () => downstreamList(['b']))).toEqual(downstreamList(['b']));
    expect(await listOursThenDownstream('tools-list', fail(invalidParams('bad cursor')), () => downstreamList(['b']))).toEqual({ tag: 'err', val: invalidParams('bad cursor') });
  });
});

describe('oursOrDownstream', () => {
  const wrap = (val: string) => ({ tag: 'tools-call' as const, val: { content: [{ tag: 'text' as const, val: { text: { tag: 'text' as const, val } } }] } });
  const unowned = () => invalidParams('nobody');
  it('ours wins without asking downstream', async () => {
    expect(await oursOrDownstream(() => 'mine', wrap, () => {
      throw new Error('downstream asked');
    }, unowned)).toEqual({ tag: 'ok', val: wrap('mine') });
  });
  it('not ours: downstream answers, or nobody owns it', async () => {
    expect(await oursOrDownstream(() => undefined, wrap, () => ({ tag: 'ok', val: wrap('theirs') }), unowned)).toEqual({ tag: 'ok', val: wrap('theirs') });
    expect(await oursOrDownstream(() => undefined, wrap, () => ({ tag: 'err', val: methodNotFound('tools/call') }), unowned)).toEqual({ tag: 'err', val: invalidParams('nobody') });
    expect(await oursOrDownstream(() => undefined, wrap, () => ({ tag: 'err', val: internalError('below failed') }), unowned)).toEqual({ tag: 'err', val: internalError('below failed') });
  });
  it('isUnowned: none and method-not-found', async () => {
    expect([undefined, { tag: 'err' as const, val: methodNotFound('x') }, { tag: 'err' as const, val: invalidParams() }].map(isUnowned)).toEqual([true, true, false]);
  });
});

// The runtime runs middleware in Node, as a jco import that must answer at once.
describe('synchronous when every step is', () => {
  const ours = () => ({ tools: tools('a') });
  const wrap = (val: string) => ({ tag: 'tools-call' as const, val: { content: [{ tag: 'text' as const, val: { text: { tag: 'text' as const, val } } }] } });
  it('answers a list, a routed call and a failure with plain values over plain steps', () => {
    expect(listOursThenDownstream('tools-list', ours, () => downstreamList(['b']))).toEqual({ tag: 'ok', val: { tag: 'tools-list', val: { tools: tools('a', 'b'), meta: undefined } } });
    expect(listOursThenDownstream('tools-list', fail(methodNotFound('tools/list')), () => downstreamList(['b']))).toEqual(downstreamList(['b']));
    expect(oursOrDownstream(() => undefined, wrap, () => ({ tag: 'err', val: methodNotFound('tools/call') }), () => invalidParams('nobody'))).toEqual({ tag: 'err', val: invalidParams('nobody') });
    expect(oursOrDownstream(fail(internalError('ours failed')), wrap, () => undefined, () => invalidParams('nobody'))).toEqual({ tag: 'err', val: internalError('ours failed') });
  });

  it('waits where a step is a promise: ours async, or only downstream async, or a rejection', async () => {
    const pending = listOursThenDownstream('tools-list', async () => ours(), () => downstreamList(['b']));
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toMatchObject({ val: { val: { tools: tools('a', 'b') } } });
    const below = listOursThenDownstream('tools-list', ours, async () => downstreamList(['b']));
    expect(below).toBeInstanceOf(Promise);
    expect(await below).toMatchObject({ val: { val: { tools: tools('a', 'b') } } });
    const rejected = oursOrDownstream(() => Promise.reject(new ProtocolError(invalidParams('late'))), wrap, () => undefined, () => invalidParams('nobody'));
    expect(await rejected).toEqual({ tag: 'err', val: invalidParams('late') });
  });
});
