// Example middleware: every request and its outcome, recorded in the key-value store with the
// client's session and the bearer token's subject. Entries are numbered by a counter in the
// store, so every worker and process sharing it (`--kv sqlite|redis`) writes one log:
//   audit:count   how many entries there are
//   audit:N       entry N as JSON: { at, method, id, session, subject, tool?, outcome, error? }
// where outcome is `result`, `tool-error` (a tools/call result with isError) or `error` (a
// JSON-RPC error, in `error`). AUDIT_LOG_BUCKET names the bucket (default: default).
// The transport answers `initialize` itself; what the chain sees of it (and so what is logged)
// are the requests the transport asks to learn what the chain serves, with the id
// `wasmcp-ts/capability-probe`.
import { openBucket } from '@wasmcp-ts/sdk/keyvalue';
import { defineMiddleware, isRequest, jsonRpcErrorOf } from '@wasmcp-ts/sdk/middleware';

export const serverHandler = defineMiddleware(async (ctx, message, next) => {
  if (!isRequest(message)) return next();
  const entry = {
    at: new Date().toISOString(),
    method: message.method,
    id: message.id,
    session: ctx.session?.id ?? null,
    subject: ctx.request.identity?.claims.subject ?? null,
    ...(message.method === 'tools/call' ? { tool: message.params?.name } : {}),
  };
  const record = (outcome: object) => {
    const log = openBucket(ctx.env('AUDIT_LOG_BUCKET'));
    log.set(`audit:${log.increment('audit:count')}`, JSON.stringify({ ...entry, ...outcome }));
  };
  try {
    const result = await next();
    record({ outcome: result?.isError === true ? 'tool-error' : 'result' });
    return result;
  } catch (err) {
    record({ outcome: 'error', error: jsonRpcErrorOf(err) });
    throw err;
  }
});
