// What a handler asks of a 2026-07-28 client (elicitation, sampling, roots) within one request:
// the answers come with the client's retry, so the handler runs again from the start and each
// question finds its answer (from this retry's inputResponses, or sealed in the requestState of
// an earlier round); the first question without one ends the run with an input-required answer.
// The same handler code serves 2025-era clients, whose questions go out during the call.
import {
  attempt,
  declares,
  INPUT_CAPABILITY,
  INPUT_REQUIRED_META,
  invalidParams,
  isJsonObject,
  missingRequiredClientCapability,
  modernClientCapabilities,
  openRequestState,
  ProtocolError,
  requestInputOf,
  sealRequestState,
  stringifyJson,
  toErrorCode,
  type InputRequestMethod,
  type JsonObject,
  type MaybePromise,
} from '@wasmcp-ts/protocol';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';

/** One question for the client: an elicitation/create, sampling/createMessage or roots/list request. */
export interface InputRequest {
  method: InputRequestMethod;
  params?: JsonObject;
}

/**
 * Thrown out of a handler (by ctx.input, ctx.elicit, ctx.sample) when the client must answer
 * first; the SDK turns it into the request's input-required answer. Handlers let it pass.
 */
export class InputRequired extends Error {
  constructor(
    readonly inputRequests: Record<string, InputRequest>,
    readonly requestState: string,
  ) {
    super(`the client must answer ${Object.keys(inputRequests).join(', ')} first`);
    this.name = 'InputRequired';
  }

  /** The result `_meta` (JSON text) through which the transport learns of it. */
  metaText(): string {
    return stringifyJson({ [INPUT_REQUIRED_META]: { inputRequests: this.inputRequests as unknown as JsonObject, requestState: this.requestState } });
  }
}

/**
 * A resource read's or prompt get's answer: `asked(meta)` when it asks the client first (the
 * input-required answer, whose `_meta` is given); any other failure is the export's `err`, since
 * any other exception would trap the instance. At once when `answer` is.
 */
export function answerOrAsk<T>(answer: () => MaybePromise<T>, asked: (meta: string) => T): MaybePromise<T> {
  return attempt(
    answer,
    (value) => value,
    (err) => {
      if (err instanceof InputRequired) return asked(err.metaText());
      throw toErrorCode(err);
    },
  );
}

/** The questions of one 2026-07-28 request, or undefined for the 2025 eras. */
export function roundTripsOf(ctx: MessageContext, key: () => Uint8Array) {
  const declared = modernClientCapabilities(ctx);
  if (!declared) return undefined;
  const input = requestInputOf(ctx);
  const subject = ctx.identity?.claims.subject;
  let answers: JsonObject | undefined;

  /** What earlier rounds answered, from a request state that verifies; else the request is refused. */
  const earlierAnswers = (binding: string, state: string | undefined): JsonObject => {
    if (state === undefined) return {};
    const opened = openRequestState(key(), state, binding, subject);
    if (!opened.ok) throw new ProtocolError(invalidParams(`Invalid params: requestState is refused: ${opened.reason}`));
    return opened.answers;
  };

  return {
    clientCapabilities: declared,
    /** The answers to all of `requests` (by key), or InputRequired for those still unanswered. */
    ask(requests: Record<string, InputRequest>): Record<string, JsonObject> {
      for (const request of Object.values(requests)) {
        const capability = INPUT_CAPABILITY[request.method];
        if (!capability) throw new Error(`cannot ask the client ${JSON.stringify(request.method)}: only elicitation/create, sampling/createMessage and roots/list`);
        if (!declares(declared, capability)) throw new ProtocolError(missingRequiredClientCapability(capability, `the handler asks the client ${request.method}`));
      }
      if (!input) throw new Error('only tools/call, prompts/get and resources/read may ask the client (protocol 2026-07-28)');
      answers ??= earlierAnswers(input.binding, input.requestState);
      const known = answers;
      const missing: Record<string, InputRequest> = {};
      for (const [name, request] of Object.entries(requests)) {
        const answer = known[name] ?? input.inputResponses[name];
        if (isJsonObject(answer)) known[name] = answer as JsonObject;
        else missing[name] = request;
      }
      if (Object.keys(missing).length > 0) throw new InputRequired(missing, sealRequestState(key(), input.binding, subject, known));
      return Object.fromEntries(Object.keys(requests).map((name) => [name, known[name] as JsonObject]));
    },
  };
}
