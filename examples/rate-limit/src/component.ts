// Example middleware: every client gets a budget of requests per time window, counted in the
// key-value store, so all workers and processes serving one store (`--kv redis`) share it. Over
// budget, a request is refused with a JSON-RPC error saying how long to wait.
//
// Configuration (`wasmcp-ts serve --env KEY=VALUE`):
//   RATE_LIMIT_REQUESTS  requests per window (default 60)
//   RATE_LIMIT_WINDOW    the window in seconds (default 60)
//   RATE_LIMIT_BY        subject (default: the bearer token's subject, else the session) or
//                        session (the session, else the subject); a client with neither shares
//                        one anonymous budget
//   RATE_LIMIT_METHODS   the methods counted, comma-separated (default tools/call)
import { openBucket } from '@wasmcp-ts/sdk/keyvalue';
import { defineMiddleware, isRequest, mcpError, ProtocolError, type MiddlewareContext } from '@wasmcp-ts/sdk/middleware';

/** The JSON-RPC error of a refused request (implementation-defined server error range). */
const RATE_LIMITED = -32029;

function settings(ctx: MiddlewareContext) {
  const number = (name: string, fallback: number) => {
    const value = Number(ctx.env(name) ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${ctx.env(name)}`);
    return value;
  };
  const by = ctx.env('RATE_LIMIT_BY') ?? 'subject';
  if (by !== 'subject' && by !== 'session') throw new Error(`RATE_LIMIT_BY must be subject or session, got ${by}`);
  const byWhat: 'subject' | 'session' = by;
  return {
    requests: number('RATE_LIMIT_REQUESTS', 60),
    windowSeconds: number('RATE_LIMIT_WINDOW', 60),
    by: byWhat,
    methods: (ctx.env('RATE_LIMIT_METHODS') ?? 'tools/call').split(',').map((m) => m.trim()),
  };
}

/** Whose budget a request spends. */
function clientOf(ctx: MiddlewareContext, by: 'subject' | 'session'): string {
  const subject = ctx.request.identity?.claims.subject;
  const session = ctx.session?.id;
  const [first, second] = by === 'subject' ? [subject && `subject:${subject}`, session && `session:${session}`] : [session && `session:${session}`, subject && `subject:${subject}`];
  return first || second || 'anonymous';
}

export const serverHandler = defineMiddleware((ctx, message, next) => {
  const { requests, windowSeconds, by, methods } = settings(ctx);
  if (!isRequest(message) || !methods.includes(message.method)) return next();
  const client = clientOf(ctx, by);
  const now = Date.now() / 1000;
  const window = Math.floor(now / windowSeconds);
  const budget = openBucket();
  const spent = budget.increment(`rate-limit:${client}:${window}`);
  // The first request of a window clears the window before it: the store keeps two counters per client at most.
  if (spent === 1) budget.delete(`rate-limit:${client}:${window - 1}`);
  if (spent > requests) {
    const retryAfterSeconds = Math.max(1, Math.ceil((window + 1) * windowSeconds - now));
    throw new ProtocolError(
      mcpError(RATE_LIMITED, `Rate limit exceeded: ${requests} ${message.method} requests per ${windowSeconds} s for ${client}; try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
        limit: requests,
        windowSeconds,
      }),
    );
  }
  return next();
});
