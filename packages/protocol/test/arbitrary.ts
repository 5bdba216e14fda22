// Seeded random values for property tests: JSON values, garbage, and WIT messages in the
// canonical form a decoder produces (so decode(encode(x)) must equal x exactly).
import { errorCodeFromCode } from '../src/errors.js';
import { stringifyJson } from '../src/json.js';
import type * as W from '../src/wit/wasmcp-mcp-v20251125-mcp.js';

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  bool(p = 0.5): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  maybe<T>(make: () => T, p = 0.5): T | undefined {
    return this.bool(p) ? make() : undefined;
  }
  list<T>(make: () => T, max = 3): T[] {
    return Array.from({ length: this.int(0, max) }, make);
  }
}

const PIECES = ['a', 'Z', '0', ' ', '"', '\\', '\n', '\u0000', 'é', '😀', '\ud800', '/', '{', '__proto__', 'constructor', '_meta', '12345678901234567890'];

export function randomString(r: Rng, max = 6): string {
  let s = '';
  for (let i = r.int(0, max); i > 0; i--) s += r.pick(PIECES);
  return s;
}

const KEYS = ['a', 'b', 'name', 'type', 'x y', '__proto__', 'constructor', 'é', ''];

function finiteNumber(r: Rng): number {
  const n = r.pick([0, 1, -1, 0.5, 1e21, -1e-7, 42, 2 ** 31, Number.MAX_SAFE_INTEGER, r.next() * 1000 - 500]);
  return Object.is(n, -0) ? 0 : n;
}

/** A JSON object with own keys (including `__proto__`), as JSON.parse would produce. */
export function randomJsonObject(r: Rng, depth = 2, without: readonly string[] = []): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = r.int(0, 3); i > 0; i--) {
    const key = r.pick(KEYS);
    if (!without.includes(key)) Object.defineProperty(o, key, { value: randomJson(r, depth - 1), enumerable: true, writable: true, configurable: true });
  }
  return o;
}

export function randomJson(r: Rng, depth = 2): unknown {
  switch (r.int(0, depth > 0 ? 6 : 4)) {
    case 0:
      return null;
    case 1:
      return r.bool();
    case 2:
      return finiteNumber(r);
    case 3:
    case 4:
      return randomString(r);
    case 5:
      return r.list(() => randomJson(r, depth - 1));
    default:
      return randomJsonObject(r, depth);
  }
}

/** Anything at all, for fuzzing decoders with already-parsed values. */
export function randomGarbage(r: Rng, depth = 3): unknown {
  switch (r.int(0, 11)) {
    case 0:
      return undefined;
    case 1:
      return NaN;
    case 2:
      return r.pick([Infinity, -0, 1.5, 2 ** 53, -(2 ** 63), 1e300]);
    case 3:
      return BigInt(r.int(-5, 5)) * 2n ** BigInt(r.int(0, 70));
    case 4:
      return new Uint8Array([1, 2]);
    case 5:
      return () => 1;
    case 6:
      return Symbol('s');
    case 7:
      return depth > 0 ? Array.from({ length: r.int(0, 3) }, () => randomGarbage(r, depth - 1)) : [];
    case 8: {
      if (depth <= 0) return {};
      const o: Record<string, unknown> = {};
      for (let i = r.int(0, 4); i > 0; i--) {
        o[r.pick(['jsonrpc', 'id', 'method', 'params', 'result', 'error', 'code', 'message', ...KEYS])] = randomGarbage(r, depth - 1);
      }
      return o;
    }
    default:
      return randomJson(r, depth);
  }
}

// ---- WIT values ----

/** Options records are `undefined` when no field is set, as the decoders return them. */
function opts<T extends object>(fields: T): T | undefined {
  return Object.values(fields).some((v) => v !== undefined) ? fields : undefined;
}

export interface Limits {
  /** Only safe integers, for round trips through JSON text (JSON.parse loses the rest). */
  safeIntegers: boolean;
  /** Now and then put text that is not JSON where WIT holds JSON text. */
  garbageJsonText?: boolean;
}

export class WitArbitrary {
  constructor(
    private readonly r: Rng,
    private readonly limits: Limits,
  ) {}

  str = (): string => randomString(this.r);
  private garbage = (): boolean => this.limits.garbageJsonText === true && this.r.bool(0.2);
  objText = (without: readonly string[] = []): string => (this.garbage() ? randomString(this.r) : stringifyJson(randomJsonObject(this.r, 2, without)));
  anyText = (): string => (this.garbage() ? randomString(this.r) : stringifyJson(randomJson(this.r)));
  num = (): number => finiteNumber(this.r);

  s64(): bigint {
    if (this.limits.safeIntegers || this.r.bool()) return BigInt(this.r.int(-1000, 1000)) * BigInt(this.r.pick([1, 2 ** 20, 2 ** 32]));
    return this.r.pick([2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, -(2n ** 60n) - 7n]);
  }

  u64(): bigint {
    if (this.limits.safeIntegers || this.r.bool()) return BigInt(this.r.int(0, 10_000)) * BigInt(this.r.pick([1, 2 ** 30]));
    return this.r.pick([2n ** 64n - 1n, 2n ** 53n + 1n]);
  }

  requestId = (): W.RequestId => (this.r.bool() ? { tag: 'string', val: this.str() } : { tag: 'number', val: this.s64() });
  progressToken = (): W.ProgressToken => (this.r.bool() ? { tag: 'string', val: this.str() } : { tag: 'integer', val: this.s64() });
  meta = (): string | undefined => this.r.maybe(() => this.objText());
  role = (): W.Role => this.r.pick(['user', 'assistant'] as const);

  annotations = (): W.Annotations => ({
    audience: this.r.maybe(() => this.r.list(this.role)),
    lastModified: this.r.maybe(this.str),
    priority: this.r.maybe(this.num),
  });

  icon = (): W.Icon => ({
    src: this.str(),
    mimeType: this.r.maybe(this.str),
    sizes: this.r.maybe(() => this.r.list(this.str)),
    theme: this.r.maybe(() => this.r.pick(['light', 'dark'] as const)),
  });
  icons = (): W.Icon[] | undefined => this.r.maybe(() => this.r.list(this.icon));

  contentOptions = (): W.ContentOptions | undefined => opts({ annotations: this.r.maybe(this.annotations), meta: this.meta() });
  bytes = (): Uint8Array => Uint8Array.from(this.r.list(() => this.r.int(0, 255), 7));
  text = (): W.TextContent => ({ text: { tag: 'text', val: this.str() }, options: this.contentOptions() });
  blob = (): W.Blob => ({ data: { tag: 'blob', val: this.bytes() }, mimeType: this.str(), options: this.contentOptions() });

  resourceContents = (): W.ResourceContents => {
    const options = opts({ mimeType: this.r.maybe(this.str), meta: this.meta() });
    return this.r.bool()
      ? { tag: 'text', val: { uri: this.str(), text: { tag: 'text', val: this.str() }, options } }
      : { tag: 'blob', val: { uri: this.str(), blob: { tag: 'blob', val: this.bytes() }, options } };
  };

  contentBlock = (): W.ContentBlock => {
    switch (this.r.int(0, 4)) {
      case 0:
        return { tag: 'text', val: this.text() };
      case 1:
        return { tag: 'image', val: this.blob() };
      case 2:
        return { tag: 'audio', val: this.blob() };
      case 3:
        return {
          tag: 'resource-link',
          val: {
            uri: this.str(),
            name: this.str(),
            options: opts({
              title: this.r.maybe(this.str),
              description: this.r.maybe(this.str),
              size: this.r.maybe(() => this.u64()),
              mimeType: this.r.maybe(this.str),
              annotations: this.r.maybe(this.annotations),
              meta: this.meta(),
              icons: this.icons(),
            }),
          },
        };
      default:
        return { tag: 'embedded-resource', val: { resource: this.resourceContents(), options: this.contentOptions() } };
    }
  };

  tool = (): W.Tool => ({
    name: this.str(),
    inputSchema: this.objText(),
    options: opts({
      meta: this.meta(),
      annotations: this.r.maybe(() => ({
        title: this.r.maybe(this.str),
        readOnlyHint: this.r.maybe(() => this.r.bool()),
        destructiveHint: this.r.maybe(() => this.r.bool()),
        idempotentHint: this.r.maybe(() => this.r.bool()),
        openWorldHint: this.r.maybe(() => this.r.bool()),
      })),
      description: this.r.maybe(this.str),
      outputSchema: this.r.maybe(() => this.objText()),
      title: this.r.maybe(this.str),
      icons: this.icons(),
    }),
  });

  implementation = (): W.Implementation => ({
    name: this.str(),
    title: this.r.maybe(this.str),
    version: this.str(),
    description: this.r.maybe(this.str),
    icons: this.icons(),
  });

  experimental = (): Array<[string, string]> | undefined => {
    if (!this.r.bool()) return undefined;
    const keys = [...new Set(this.r.list(() => this.r.pick(KEYS)))];
    return keys.map((k): [string, string] => [k, this.anyText()]);
  };

  protocolVersion = (): W.ProtocolVersion => this.r.pick(['v20251125', 'v20250618', 'v20250326', 'v20241105'] as const);

  serverCapabilities = (): W.ServerCapabilities => {
    const lists = { tools: this.r.bool(), resources: this.r.bool(), prompts: this.r.bool() };
    return {
      completions: this.r.maybe(() => this.objText()),
      experimental: this.experimental(),
      logging: this.r.maybe(() => this.objText()),
      listChanged: lists.tools || lists.resources || lists.prompts ? lists : undefined,
      subscriptions: this.r.maybe(() => ({ resources: true })),
    };
  };

  clientCapabilities = (): W.ClientCapabilities => ({
    elicitation: this.r.maybe(() => this.objText()),
    experimental: this.experimental(),
    listChanged: this.r.maybe(() => ({ roots: this.r.bool() })),
    sampling: this.r.maybe(() => ({ tools: this.r.maybe(() => true), context: this.r.maybe(() => true) })),
  });

  /** Request `_meta` without the token key, and not `{}` next to a token (that reads back as absent). */
  requestMeta = (): { meta?: string; progressToken?: W.ProgressToken } => {
    const progressToken = this.r.maybe(this.progressToken);
    let meta = this.r.maybe(() => this.objText(['progressToken']));
    if (progressToken !== undefined && meta === '{}') meta = undefined;
    return { meta, progressToken };
  };

  ping = (): W.PingRequest => {
    const keys = [...new Set(this.r.list(() => this.r.pick(KEYS)))].filter((k) => k !== '_meta');
    return { ...this.requestMeta(), extras: keys.map((k): [string, string] => [k, this.anyText()]) };
  };

  /** extras: a non-empty object without `_meta` (an empty one reads back as absent). */
  notificationOptions = (): W.NotificationOptions => {
    let extras = this.r.maybe(() => this.objText(['_meta']));
    if (extras === '{}') extras = undefined;
    return { meta: this.meta(), extras };
  };

  cursor = (): { cursor?: string } => ({ cursor: this.r.maybe(this.str) });

  clientRequest = (): W.ClientRequest => {
    switch (this.r.int(0, 12)) {
      case 0:
        return { tag: 'initialize', val: { capabilities: this.clientCapabilities(), clientInfo: this.implementation(), protocolVersion: this.protocolVersion() } };
      case 1:
        return { tag: 'tools-list', val: this.cursor() };
      case 2:
        return { tag: 'tools-call', val: { name: this.str(), arguments: this.r.maybe(() => this.objText()) } };
      case 3:
        return { tag: 'resources-list', val: this.cursor() };
      case 4:
        return { tag: 'resources-read', val: { uri: this.str() } };
      case 5:
        return { tag: 'resources-templates-list', val: this.cursor() };
      case 6:
        return { tag: 'prompts-list', val: this.cursor() };
      case 7:
        return { tag: 'prompts-get', val: { name: this.str(), arguments: this.r.maybe(() => this.objText()) } };
      case 8:
        return {
          tag: 'completion-complete',
          val: {
            argument: { name: this.str(), value: this.str() },
            ref: this.r.bool() ? { tag: 'prompt', val: { name: this.str(), title: this.r.maybe(this.str) } } : { tag: 'resource-template', val: this.str() },
            context: this.r.maybe(() => ({ arguments: this.r.maybe(() => this.objText()) })),
          },
        };
      case 9:
        return { tag: 'logging-set-level', val: this.r.pick(['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const) };
      case 10:
        return { tag: 'ping', val: this.ping() };
      case 11:
        return { tag: 'resources-subscribe', val: this.str() };
      default:
        return { tag: 'resources-unsubscribe', val: this.str() };
    }
  };

  cancelled = (): W.CancelledNotification => ({ requestId: this.requestId(), reason: this.r.maybe(this.str) });
  progress = (): W.ProgressNotification => ({
    progressToken: this.progressToken(),
    progress: this.num(),
    total: this.r.maybe(this.num),
    message: this.r.maybe(this.str),
  });

  clientNotification = (): W.ClientNotification => {
    switch (this.r.int(0, 3)) {
      case 0:
        return { tag: 'initialized', val: this.notificationOptions() };
      case 1:
        return { tag: 'roots-list-changed', val: this.notificationOptions() };
      case 2:
        return { tag: 'cancelled', val: this.cancelled() };
      default:
        return { tag: 'progress', val: this.progress() };
    }
  };

  elicitValue = (): W.ElicitResultContent => {
    switch (this.r.int(0, 3)) {
      case 0:
        return { tag: 'string', val: this.str() };
      case 1:
        return { tag: 'number', val: this.num() };
      case 2:
        return { tag: 'boolean', val: this.r.bool() };
      default:
        return { tag: 'string-array', val: this.r.list(this.str) };
    }
  };

  distinctKeys = (): string[] => [...new Set(this.r.list(() => this.r.pick(KEYS)))];

  clientResult = (): W.ClientResult => {
    switch (this.r.int(0, 2)) {
      case 0:
        return {
          tag: 'elicitation-create',
          val: {
            meta: this.meta(),
            action: this.r.pick(['accept', 'decline', 'cancel'] as const),
            content: this.r.maybe(() => this.distinctKeys().map((k): [string, W.ElicitResultContent] => [k, this.elicitValue()])),
          },
        };
      case 1:
        return { tag: 'roots-list', val: { meta: this.meta(), roots: this.r.list(() => ({ meta: this.meta(), name: this.r.maybe(this.str), uri: this.str() })) } };
      default: {
        let extra = this.r.maybe(() => this.objText(['_meta', 'role', 'content', 'model', 'stopReason']));
        if (extra === '{}') extra = undefined;
        return {
          tag: 'sampling-create-message',
          val: { meta: this.meta(), content: this.contentBlock(), model: this.str(), role: this.role(), stopReason: this.r.maybe(this.str), extra },
        };
      }
    }
  };

  errorCode = (): W.ErrorCode => {
    const code = this.r.pick([-32700, -32600, -32601, -32602, -32603, -32002, -32042, -32000, -32099, -32100, -32768, -1, 0, 404]);
    return errorCodeFromCode(BigInt(code), this.str(), this.r.maybe(this.anyText));
  };

  clientMessage = (): W.ClientMessage => {
    switch (this.r.int(0, 3)) {
      case 0:
        return { tag: 'request', val: [this.requestId(), this.clientRequest()] };
      case 1:
        return { tag: 'result', val: [this.requestId(), this.clientResult()] };
      case 2:
        return { tag: 'error', val: [this.r.maybe(this.requestId), this.errorCode()] };
      default:
        return { tag: 'notification', val: this.clientNotification() };
    }
  };

  // ---- server side ----

  page = (): { meta?: string; nextCursor?: string } => ({ meta: this.meta(), nextCursor: this.r.maybe(this.str) });

  serverResult = (): W.ServerResult => {
    switch (this.r.int(0, 10)) {
      case 0:
        return { tag: 'ping' };
      case 1:
        return { tag: 'logging-set-level' };
      case 2:
        return {
          tag: 'initialize',
          val: {
            meta: this.meta(),
            serverInfo: this.implementation(),
            capabilities: this.serverCapabilities(),
            protocolVersion: this.protocolVersion(),
            options: this.r.maybe(() => ({ instructions: this.str() })),
          },
        };
      case 3:
        return { tag: 'tools-list', val: { ...this.page(), tools: this.r.list(this.tool) } };
      case 4:
        return {
          tag: 'tools-call',
          val: {
            meta: this.meta(),
            content: this.r.list(this.contentBlock),
            isError: this.r.maybe(() => this.r.bool()),
            structuredContent: this.r.maybe(() => this.objText()),
          },
        };
      case 5:
        return {
          tag: 'resources-list',
          val: {
            ...this.page(),
            resources: this.r.list(() => ({
              uri: this.str(),
              name: this.str(),
              options: opts({
                size: this.r.maybe(() => this.u64()),
                title: this.r.maybe(this.str),
                description: this.r.maybe(this.str),
                mimeType: this.r.maybe(this.str),
                annotations: this.r.maybe(this.annotations),
                meta: this.meta(),
                icons: this.icons(),
              }),
            })),
          },
        };
      case 6:
        return { tag: 'resources-read', val: { meta: this.meta(), contents: this.r.list(this.resourceContents) } };
      case 7:
        return {
          tag: 'resources-templates-list',
          val: {
            ...this.page(),
            resourceTemplates: this.r.list(() => ({
              uriTemplate: this.str(),
              name: this.str(),
              options: opts({
                description: this.r.maybe(this.str),
                title: this.r.maybe(this.str),
                mimeType: this.r.maybe(this.str),
                annotations: this.r.maybe(this.annotations),
                meta: this.meta(),
                icons: this.icons(),
              }),
            })),
          },
        };
      case 8:
        return {
          tag: 'prompts-list',
          val: {
            ...this.page(),
            prompts: this.r.list(() => ({
              name: this.str(),
              options: opts({
                meta: this.meta(),
                arguments: this.r.maybe(() =>
                  this.r.list(() => ({
                    name: this.str(),
                    description: this.r.maybe(this.str),
                    required: this.r.maybe(() => this.r.bool()),
                    title: this.r.maybe(this.str),
                  })),
                ),
                description: this.r.maybe(this.str),
                title: this.r.maybe(this.str),
                icons: this.icons(),
              }),
            })),
          },
        };
      case 9:
        return {
          tag: 'prompts-get',
          val: { meta: this.meta(), description: this.r.maybe(this.str), messages: this.r.list(() => ({ content: this.contentBlock(), role: this.role() })) },
        };
      default:
        return {
          tag: 'completion-complete',
          val: { meta: this.meta(), hasMore: this.r.maybe(() => this.r.bool()), total: this.r.maybe(() => this.u64()), values: this.r.list(this.str) },
        };
    }
  };

  enumOptions = (): W.EnumOption[] => this.r.list(() => ({ constValue: this.str(), title: this.str() }));

  primitiveSchema = (): W.PrimitiveSchemaDefinition => {
    const common = { title: this.r.maybe(this.str), description: this.r.maybe(this.str) };
    switch (this.r.int(0, 6)) {
      case 0:
        return {
          tag: 'string-schema',
          val: {
            ...common,
            default: this.r.maybe(this.str),
            format: this.r.maybe(() => this.r.pick(['uri', 'email', 'date', 'date-time'] as const)),
            maxLength: this.r.maybe(() => this.r.int(0, 2 ** 32 - 1)),
            minLength: this.r.maybe(() => this.r.int(0, 100)),
          },
        };
      case 1:
        return {
          tag: 'number-schema',
          val: { ...common, type: this.r.pick(['number', 'integer'] as const), default: this.r.maybe(this.num), maximum: this.r.maybe(this.num), minimum: this.r.maybe(this.num) },
        };
      case 2:
        return { tag: 'boolean-schema', val: { ...common, default: this.r.maybe(() => this.r.bool()) } };
      case 3:
        return { tag: 'enum-schema', val: { tag: 'untitled-single-select', val: { ...common, enum: this.r.list(this.str), default: this.r.maybe(this.str) } } };
      case 4:
        return { tag: 'enum-schema', val: { tag: 'titled-single-select', val: { ...common, oneOf: this.enumOptions(), default: this.r.maybe(this.str) } } };
      case 5:
        return {
          tag: 'enum-schema',
          val: { tag: 'untitled-multi-select', val: { ...common, enum: this.r.list(this.str), default: this.r.maybe(() => this.r.list(this.str)) } },
        };
      default:
        return {
          tag: 'enum-schema',
          val: { tag: 'titled-multi-select', val: { ...common, oneOf: this.enumOptions(), default: this.r.maybe(() => this.r.list(this.str)) } },
        };
    }
  };

  samplingBlock = (): W.SamplingContentBlock => {
    switch (this.r.int(0, 4)) {
      case 0:
        return { tag: 'text', val: this.text() };
      case 1:
        return { tag: 'image', val: this.blob() };
      case 2:
        return { tag: 'audio', val: this.blob() };
      case 3:
        return { tag: 'tool-use', val: { id: this.str(), name: this.str(), input: this.objText() } };
      default:
        return {
          tag: 'tool-result',
          val: {
            toolUseId: this.str(),
            content: this.r.list((): W.ToolResultContentBlock => {
              const k = this.r.int(0, 2);
              return k === 0 ? { tag: 'text', val: this.text() } : { tag: k === 1 ? 'image' : 'audio', val: this.blob() };
            }),
            structuredContent: this.r.maybe(() => this.objText()),
            isError: this.r.maybe(() => this.r.bool()),
          },
        };
    }
  };

  serverRequest = (): W.ServerRequest => {
    switch (this.r.int(0, 3)) {
      case 0:
        return {
          tag: 'elicitation-create',
          val: this.r.bool()
            ? {
                tag: 'form',
                val: {
                  message: this.str(),
                  requestedSchema: {
                    properties: this.distinctKeys().map((k): [string, W.PrimitiveSchemaDefinition] => [k, this.primitiveSchema()]),
                    required: this.r.maybe(() => this.r.list(this.str)),
                  },
                },
              }
            : { tag: 'url', val: { elicitationId: this.str(), message: this.str(), url: this.str() } },
        };
      case 1:
        return { tag: 'roots-list', val: this.requestMeta() };
      case 2:
        return {
          tag: 'sampling-create-message',
          val: {
            includeContext: this.r.pick(['none', 'this-server', 'all-servers'] as const),
            maxTokens: this.u64(),
            messages: this.r.list(() => ({ content: this.samplingBlock(), role: this.role() })),
            metadata: this.r.maybe(() => this.objText()),
            modelPreferences: this.r.maybe(() => ({
              costPriority: this.r.maybe(this.num),
              hints: this.r.maybe(() =>
                this.r.list(() => {
                  let extra = this.r.maybe(() => this.objText(['name']));
                  if (extra === '{}') extra = undefined;
                  return { name: this.r.maybe(this.str), extra };
                }),
              ),
              intelligencePriority: this.r.maybe(this.num),
              speedPriority: this.r.maybe(this.num),
            })),
            stopSequences: this.r.maybe(() => this.r.list(this.str)),
            systemPrompt: this.r.maybe(this.str),
            temperature: this.r.maybe(this.num),
            tools: this.r.maybe(() => this.r.list(this.tool)),
            toolChoice: this.r.maybe(() => ({ mode: this.r.pick(['auto', 'required', 'none'] as const) })),
          },
        };
      default:
        return { tag: 'ping', val: this.ping() };
    }
  };

  serverNotification = (): W.ServerNotification => {
    switch (this.r.int(0, 7)) {
      case 0:
        return { tag: 'tools-list-changed', val: this.notificationOptions() };
      case 1:
        return { tag: 'resources-list-changed', val: this.notificationOptions() };
      case 2:
        return { tag: 'resources-updated', val: { meta: this.meta(), uri: this.str() } };
      case 3:
        return { tag: 'prompts-list-changed', val: this.notificationOptions() };
      case 4:
        return {
          tag: 'log',
          val: { data: this.anyText(), level: this.r.pick(['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const), logger: this.r.maybe(this.str) },
        };
      case 5:
        return { tag: 'cancellation', val: this.cancelled() };
      case 6:
        return { tag: 'progress', val: this.progress() };
      default:
        return { tag: 'elicitation-complete', val: { elicitationId: this.str() } };
    }
  };

  serverMessage = (): W.ServerMessage => {
    switch (this.r.int(0, 3)) {
      case 0:
        return { tag: 'request', val: [this.requestId(), this.serverRequest()] };
      case 1:
        return { tag: 'result', val: [this.requestId(), this.serverResult()] };
      case 2:
        return { tag: 'error', val: [this.r.maybe(this.requestId), this.errorCode()] };
      default:
        return { tag: 'notification', val: this.serverNotification() };
    }
  };
}
