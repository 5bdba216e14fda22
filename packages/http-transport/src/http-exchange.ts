// One wasi:http request/response pair, as the transport's logic sees it: headers and a body
// read with a size limit, then either a whole response or a stream (SSE) written as it goes.
import type { Fields, IncomingBody, IncomingRequest, OutgoingBody, OutgoingResponse, ResponseOutparam } from 'wasi:http/types@0.2.10';
import { concatBytes, drop } from '@wasmcp-ts/protocol';
import type { OutputStream } from '@wasmcp-ts/protocol/wit/wasi-io-streams.js';

// wasi:io allows at most 4096 bytes per blocking-write-and-flush.
const WRITE_CHUNK = 4096;
const READ_CHUNK = 65536n;
const encoder = new TextEncoder();

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'unreadable' };

/** Writes everything, in chunks a host accepts; false once the client has gone away. */
export function writeAll(stream: OutputStream, data: Uint8Array | string): boolean {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  try {
    for (let at = 0; at < bytes.length; at += WRITE_CHUNK) stream.blockingWriteAndFlush(bytes.subarray(at, at + WRITE_CHUNK));
    return true;
  } catch {
    return false;
  }
}

export interface ResponseStream {
  /** The body stream, to be lent down the chain as the client stream. */
  stream: OutputStream;
  write(data: Uint8Array | string): boolean;
  close(): void;
}

/** The wasi:http/types resources the exchange constructs or calls statically. */
export interface HttpTypes {
  Fields: typeof Fields;
  OutgoingBody: typeof OutgoingBody;
  OutgoingResponse: typeof OutgoingResponse;
  ResponseOutparam: typeof ResponseOutparam;
}

export class HttpExchange {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly headers: [string, string][];
  /** Each header's values, joined as one field (RFC 9110 5.3): looked up many times a request. */
  private readonly fieldValues = new Map<string, string>();
  private responded = false;

  constructor(
    private readonly types: HttpTypes,
    private readonly request: IncomingRequest,
    private readonly outparam: ResponseOutparam,
  ) {
    const method = request.method();
    this.method = (method.tag === 'other' ? method.val : method.tag).toUpperCase();
    const pathWithQuery = request.pathWithQuery() ?? '/';
    const q = pathWithQuery.indexOf('?');
    this.path = q < 0 ? pathWithQuery : pathWithQuery.slice(0, q);
    const decoder = new TextDecoder();
    const fields = request.headers();
    this.headers = fields.entries().map(([name, value]) => [name.toLowerCase(), decoder.decode(value)]);
    // A child of the request, dropped before it.
    drop(fields);
    for (const [name, value] of this.headers) {
      const earlier = this.fieldValues.get(name);
      this.fieldValues.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
    }
    // Hosts hand the Host header over as the request's authority, not as a header.
    const authority = request.authority();
    if (authority && !this.fieldValues.has('host')) {
      this.headers.push(['host', authority]);
      this.fieldValues.set('host', authority);
    }
  }

  get hasResponded(): boolean {
    return this.responded;
  }

  header(name: string): string | undefined {
    return this.fieldValues.get(name);
  }

  /** The whole body, refusing (without reading it all) one larger than `limit` bytes. */
  readBody(limit: number): BodyRead {
    const declared = this.header('content-length');
    const length = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : undefined;
    if (length !== undefined && length > limit) return { ok: false, reason: 'too-large' };
    let body: IncomingBody;
    try {
      body = this.request.consume();
    } catch {
      return { ok: false, reason: 'unreadable' };
    }
    const stream = body.stream();
    const chunks: Uint8Array[] = [];
    let total = 0;
    let result: BodyRead | undefined;
    while (!result) {
      let chunk: Uint8Array;
      try {
        chunk = stream.blockingRead(READ_CHUNK);
      } catch (err) {
        const closed = (err as { payload?: { tag?: string } })?.payload?.tag === 'closed';
        result = closed ? { ok: true, bytes: concatBytes(chunks) } : { ok: false, reason: 'unreadable' };
        break;
      }
      total += chunk.length;
      if (total > limit) result = { ok: false, reason: 'too-large' };
      else chunks.push(chunk);
      // The whole declared body is in: no read to see the stream close (it throws, and costs a host call).
      if (!result && total === length) result = { ok: true, bytes: concatBytes(chunks) };
    }
    // A child resource (the body's stream) is dropped before its parent body. The body is dropped,
    // not finished: finishing is for reading trailers, which MCP has no use for.
    drop(stream);
    drop(body);
    return result;
  }

  respond(status: number, headers: Record<string, string>, body: Uint8Array | string = ''): void {
    const out = this.start(status, headers);
    out.write(body);
    out.close();
  }

  /** Sends the status and headers now; the body follows as it is written. */
  start(status: number, headers: Record<string, string>): ResponseStream {
    if (this.responded) throw new Error('response already started');
    this.responded = true;
    const fields = this.types.Fields.fromList(Object.entries(headers).map(([name, value]) => [name, encoder.encode(value)]));
    const response = new this.types.OutgoingResponse(fields);
    // A new response's status is 200 (wasi:http): each host call costs the engine.
    if (status !== 200) response.setStatusCode(status);
    const body = response.body();
    this.types.ResponseOutparam.set(this.outparam, { tag: 'ok', val: response });
    const stream = body.write();
    return {
      stream,
      write: (data) => writeAll(stream, data),
      close: () => {
        drop(stream);
        this.types.OutgoingBody.finish(body, undefined);
      },
    };
  }

  /** Drops the request, once the exchange is over (see protocol's resources.ts for why). */
  close(): void {
    drop(this.request);
  }
}
