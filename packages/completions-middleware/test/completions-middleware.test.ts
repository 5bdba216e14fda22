// The middleware's logic with a fake component and a fake chain below it.
import type { ClientMessage, CompleteResult } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import { describe, expect, it } from 'vitest';
import { handleCompletions, MAX_COMPLETION_VALUES } from '../src/completions-middleware.js';
import { context } from '../../../test/support/messages.js';

const completeMessage: ClientMessage = {
  tag: 'request',
  val: [{ tag: 'number', val: 1n }, { tag: 'completion-complete', val: { ref: { tag: 'prompt', val: { name: 'p' } }, argument: { name: 'a', value: '' } } }],
};

describe('handleCompletions', () => {
  it('caps a component that offers more than 100 values, saying there are more', async () => {
    const values = Array.from({ length: 250 }, (_, i) => `v${i}`);
    const provider = { complete: (): CompleteResult => ({ values }) };
    const answer = await handleCompletions(context(), completeMessage, provider, () => {
      throw new Error('the chain below must not be asked');
    });
    expect(answer).toMatchObject({ tag: 'ok', val: { tag: 'completion-complete', val: { hasMore: true, total: 250n } } });
    const result = (answer as { val: { val: CompleteResult } }).val.val;
    expect(result.values).toHaveLength(MAX_COMPLETION_VALUES);
    expect(result.values[0]).toBe('v0');
  });

  it('passes everything but completion/complete down untouched', async () => {
    const seen: ClientMessage[] = [];
    const ping: ClientMessage = { tag: 'request', val: [{ tag: 'number', val: 2n }, { tag: 'ping', val: { extras: [] } }] };
    const provider = { complete: () => undefined };
    expect(await handleCompletions(context(), ping, provider, (_ctx, m) => (seen.push(m), { tag: 'ok', val: { tag: 'ping' } }))).toEqual({ tag: 'ok', val: { tag: 'ping' } });
    expect(seen).toEqual([ping]);
  });
});
