// completion/complete for the arguments of test_prompt_with_arguments (the SDK has no
// completions helper, so this is the raw export of wasmcp:mcp-v20251125/completions).
import { guardResult } from '@wasmcp-ts/protocol';
import type { CompleteRequest, CompleteResult } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

const CHOICES: Record<string, string[]> = {
  arg1: ['paris', 'park', 'party', 'test', 'testing'],
  arg2: ['hello', 'help', 'world'],
};

function complete(request: CompleteRequest): CompleteResult | undefined {
  if (request.ref.tag !== 'prompt' || request.ref.val.name !== 'test_prompt_with_arguments') return undefined;
  const values = (CHOICES[request.argument.name] ?? []).filter((choice) => choice.startsWith(request.argument.value));
  return { values, total: BigInt(values.length), hasMore: false };
}

export const completions = {
  complete: (_ctx: MessageContext, request: CompleteRequest) => guardResult(() => complete(request)),
};
