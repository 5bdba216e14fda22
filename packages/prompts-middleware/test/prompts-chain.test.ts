// prompts-middleware, built, composed by the runtime in front of the example prompts
// component and the paged test catalog.
import { compose, type ServerHandlerExport } from '@wasmcp-ts/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { example, fixture, VARIANTS } from '../../../test/support/artifacts.js';
import { ok, request, send } from '../../../test/support/messages.js';

const names = (list: { prompts: { name: string }[] }) => list.prompts.map((p) => p.name);
const get = (chain: ServerHandlerExport, name: string, args?: object) =>
  send(chain, request({ tag: 'prompts-get', val: { name, arguments: args === undefined ? undefined : JSON.stringify(args) } }));
const invalidParams = (message: string) => ({ tag: 'err', val: { tag: 'invalid-params', val: { code: -32602n, message } } });

function firstText(result: { messages: { role: string; content: { tag: string; val: unknown } }[] }): string {
  const content = result.messages[0].content;
  if (content.tag !== 'text') throw new Error('first message is not text');
  return (content.val as { text: { val: string } }).text.val;
}

describe.each(VARIANTS)('prompts chain (%s)', (variant) => {
  let chain: ServerHandlerExport;
  beforeAll(async () => {
    chain = (await compose({ components: [example('prompts', variant), fixture('test-catalog', variant)], variant })).handler;
  });

  it('prompts/list lists ours, then downstream, and keeps the downstream cursor', () => {
    const first = ok(send(chain, request({ tag: 'prompts-list', val: {} })), 'prompts-list');
    expect(names(first)).toEqual(['code_review', 'summarize', 'broken']);
    expect(first.prompts[0].options?.arguments?.map((a) => [a.name, a.required ?? false])).toEqual([
      ['language', true],
      ['code', true],
      ['focus', false],
    ]);
    expect(first.nextCursor).toBe('page-2');
    const second = ok(send(chain, request({ tag: 'prompts-list', val: { cursor: 'page-2' } })), 'prompts-list');
    expect(names(second)).toEqual(['code_review', 'summarize', 'needs_topic']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('prompts/get renders a prompt with its arguments', () => {
    const result = ok(get(chain, 'code_review', { language: 'rust', code: 'fn main() {}', focus: 'security' }), 'prompts-get');
    expect(result.description).toBe('Review of rust code');
    expect(result.messages[0].role).toBe('user');
    expect(firstText(result)).toBe('Please review this rust code, focusing on security:\n\nfn main() {}');
  });

  it('a prompt the first component does not own is served downstream', () => {
    expect(firstText(ok(get(chain, 'needs_topic', { topic: 'wasm' }), 'prompts-get'))).toBe('Talk about wasm');
  });

  it('an unknown prompt is -32602 "Unknown prompt: NAME"', () => {
    expect(get(chain, 'nope', {})).toEqual(invalidParams('Unknown prompt: nope'));
  });

  it('a missing required argument is -32602, also for a component that does not check it (listed on its second page)', () => {
    expect(get(chain, 'code_review', { language: 'go' })).toEqual(invalidParams('Missing required argument "code" for prompt "code_review"'));
    expect(get(chain, 'needs_topic', { tone: 'dry' })).toEqual(invalidParams('Missing required argument "topic" for prompt "needs_topic"'));
    expect(get(chain, 'needs_topic')).toEqual(invalidParams('Missing required argument "topic" for prompt "needs_topic"'));
  });

  it('arguments that are not strings are -32602', () => {
    expect(get(chain, 'summarize', { text: 42 })).toEqual(invalidParams('Prompt argument "text" must be a string'));
  });

  it('a prompt that throws yields -32603 and the chain keeps answering', () => {
    expect(get(chain, 'broken', {})).toMatchObject({
      tag: 'err',
      val: { tag: 'internal-error', val: { code: -32603n, message: 'Internal error: the prompt broken always fails' } },
    });
    expect(firstText(ok(get(chain, 'summarize', { text: 'abc', style: 'brief' }), 'prompts-get'))).toBe('Summarize the following text (brief):\n\nabc');
  });
});
