// tools-middleware and method-not-found, built, composed by the runtime with the example tools.
import { compose, type ServerHandlerExport } from '@wasmcp-ts/runtime';
import { describe, expect, it } from 'vitest';
import { example, fixture, VARIANTS } from '../../../test/support/artifacts.js';
import { context, ok, request, send, textOf } from '../../../test/support/messages.js';

const names = (list: { tools: { name: string }[] }) => list.tools.map((t) => t.name);

describe.each(VARIANTS)('tools chain (%s)', (variant) => {
  let chain: ServerHandlerExport;
  it('composes calculator and string-tools in front of method-not-found', async () => {
    chain = (await compose({ components: [example('calculator', variant), example('string-tools', variant)], variant })).handler;
  });

  it('tools/list lists calculator tools, then string tools', () => {
    const list = ok(send(chain, request({ tag: 'tools-list', val: {} })), 'tools-list');
    expect(names(list)).toEqual(['add', 'subtract', 'multiply', 'divide', 'reverse', 'uppercase', 'lowercase', 'word_count']);
    expect(JSON.parse(list.tools[0].inputSchema)).toMatchObject({ type: 'object', required: ['a', 'b'] });
  });

  it('tools/call reaches the component that owns the tool', () => {
    const add = ok(send(chain, request({ tag: 'tools-call', val: { name: 'add', arguments: '{"a":2,"b":3}' } })), 'tools-call');
    expect(textOf(add)).toBe('5');
    const reverse = ok(send(chain, request({ tag: 'tools-call', val: { name: 'reverse', arguments: '{"text":"héllo"}' } })), 'tools-call');
    expect(textOf(reverse)).toBe('olléh');
  });

  it('a tool execution error is an isError result, not a protocol error', () => {
    const div = ok(send(chain, request({ tag: 'tools-call', val: { name: 'divide', arguments: '{"a":1,"b":0}' } })), 'tools-call');
    expect(div.isError).toBe(true);
    expect(textOf(div)).toBe('Division by zero');
  });

  it('an unknown tool is -32602 "Unknown tool: NAME"', () => {
    const result = send(chain, request({ tag: 'tools-call', val: { name: 'nope' } }));
    expect(result).toMatchObject({ tag: 'err', val: { tag: 'invalid-params', val: { code: -32602n, message: 'Unknown tool: nope' } } });
  });

  it('arguments that are not a JSON object are -32602', () => {
    const result = send(chain, request({ tag: 'tools-call', val: { name: 'add', arguments: '[1,2]' } }));
    expect(result).toMatchObject({ tag: 'err', val: { val: { code: -32602n, message: 'Tool arguments must be a JSON object' } } });
  });

  it('a method nobody owns is -32601', () => {
    const result = send(chain, request({ tag: 'prompts-list', val: {} }));
    expect(result).toMatchObject({ tag: 'err', val: { tag: 'method-not-found', val: { code: -32601n, message: 'Method not found: prompts/list' } } });
  });

  it('notifications and client results are answered with none', () => {
    expect(chain.handle(context(), { tag: 'notification', val: { tag: 'initialized', val: {} } })).toBeUndefined();
    const rootsResult = { tag: 'roots-list', val: { roots: [] } };
    expect(chain.handle(context(), { tag: 'result', val: [{ tag: 'string', val: 'srv-1' }, rootsResult] })).toBeUndefined();
    const clientError = { tag: 'internal-error', val: { code: -32603n, message: 'client failed' } };
    expect(chain.handle(context(), { tag: 'error', val: [{ tag: 'number', val: 9n }, clientError] })).toBeUndefined();
  });
});

describe.each(VARIANTS)('tools chain with a paged and a faulty component (%s)', (variant) => {
  let chain: ServerHandlerExport;
  it('composes calculator in front of the test tools', async () => {
    chain = (await compose({ components: [example('calculator', variant), fixture('test-tools', variant)], variant })).handler;
  });

  it('keeps the downstream pagination cursor and passes it back down', () => {
    const first = ok(send(chain, request({ tag: 'tools-list', val: {} })), 'tools-list');
    expect(names(first)).toEqual(['add', 'subtract', 'multiply', 'divide', 'fail_hard']);
    expect(first.nextCursor).toBe('page-2');
    const second = ok(send(chain, request({ tag: 'tools-list', val: { cursor: 'page-2' } })), 'tools-list');
    expect(names(second)).toEqual(['add', 'subtract', 'multiply', 'divide', 'echo', 'sleep']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('a tool that throws yields -32603 and the same instances keep answering', () => {
    const failed = send(chain, request({ tag: 'tools-call', val: { name: 'fail_hard' } }));
    expect(failed).toMatchObject({ tag: 'err', val: { tag: 'internal-error', val: { code: -32603n, message: 'Internal error: fail_hard always fails' } } });
    const echo = ok(send(chain, request({ tag: 'tools-call', val: { name: 'echo', arguments: '{"x":1}' } })), 'tools-call');
    expect(textOf(echo)).toBe('{"x":1}');
    const add = ok(send(chain, request({ tag: 'tools-call', val: { name: 'add', arguments: '{"a":1,"b":1}' } })), 'tools-call');
    expect(textOf(add)).toBe('2');
  });
});
