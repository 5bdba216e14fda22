// wasi:http served inside the worker thread that runs the transport. preview2-shim's own HTTP
// server keeps a request's body streams in its I/O thread, so every header-to-body step of a
// request (consume, read, each 4 KiB write, finish) is a synchronous cross-thread call. Here the
// incoming request, its body and the response are plain objects of this thread, filled from and
// drained to a message the main thread exchanges with it.
//
// The classes extend preview2-shim's, so jco's resource checks accept them next to the shim's
// own streams and pollables (outgoing HTTP, stdout, clocks keep using the shim), and only the
// statics that would reach into a shim object's private state are given a local branch.
import { concatBytes, INVALID_REQUEST } from '@wasmcp-ts/protocol';
import { errorAnswer, NO_MESSAGES } from './request-body.js';

/** A request as the main thread received it. */
export interface LocalRequest {
  method: string;
  /** The request target: path and query. */
  pathWithQuery: string;
  /** The Host header: wasi:http hands it over as the authority. */
  authority: string | undefined;
  headers: [string, string][];
  body: Uint8Array;
}

/**
 * Where a response goes: an event stream as it is written (its head at once, then each write),
 * any other response whole, in one piece, when it ends.
 */
export interface ResponseSink {
  head(status: number, headers: [string, string][]): void;
  body(chunk: Uint8Array): void;
  end(): void;
  whole(status: number, headers: [string, string][], body: Uint8Array): void;
}

// preview2-shim's wasi:io and wasi:http classes, as its import object holds them.
type ShimClass = new (...args: never[]) => object;
interface ShimImports {
  'wasi:io/poll': { Pollable: ShimClass; poll(list: object[]): Uint32Array | number[] };
  'wasi:io/streams': { InputStream: ShimClass; OutputStream: ShimClass };
  'wasi:http/types': {
    Fields: { fromList(entries: [string, Uint8Array][]): { entries(): [string, Uint8Array][] } };
    IncomingBody: ShimClass;
    IncomingRequest: ShimClass;
    OutgoingBody: ShimClass & { finish(body: object, trailers: unknown): void };
  } & Record<string, unknown>;
}

type Fields = ReturnType<ShimImports['wasi:http/types']['Fields']['fromList']>;
type Method = { tag: string; val?: string };

const STANDARD_METHODS = new Set(['get', 'head', 'post', 'put', 'delete', 'connect', 'options', 'trace', 'patch']);
/** What a writer may write at once: wasi:io lets a host pick; the transport writes 4 KiB at a time anyway. */
const WRITE_BUDGET = 1n << 20n;
/** jco keys a host pollable by this symbol's value; the shim numbers its own from 1. */
const CABI_REP = Symbol.for('cabiRep');
const LOCAL_REP_BASE = 1 << 29;
const closed = () => ({ tag: 'closed' });
const encoder = new TextEncoder();

export interface LocalHttp {
  /** Import-object entries that replace the shim's for a component served here. */
  imports: Record<string, unknown>;
  /** Builds the wasi:http resources of one request and runs `handle` on them. */
  serve(handle: (request: object, outparam: object) => void, request: LocalRequest, sink: ResponseSink): void;
}

/** `host`: preview2-shim's import object, whose classes these extend. */
export function localHttp(host: Record<string, unknown>): LocalHttp {
  const shim = host as unknown as ShimImports;
  const { Pollable } = shim['wasi:io/poll'];
  const { InputStream, OutputStream } = shim['wasi:io/streams'];
  const types = shim['wasi:http/types'];
  const { Fields, IncomingBody, IncomingRequest } = types;
  const ShimOutgoingBody = types.OutgoingBody;

  let pollables = 0;
  class ReadyPollable extends Pollable {
    constructor() {
      super();
      Object.assign(this, { [CABI_REP]: LOCAL_REP_BASE + ++pollables });
    }
    ready(): boolean {
      return true;
    }
    block(): void {}
  }

  class BodyReader extends InputStream {
    private at = 0;
    constructor(private readonly bytes: Uint8Array) {
      super();
    }
    read(len: bigint): Uint8Array {
      if (this.at >= this.bytes.length) throw closed();
      const end = Math.min(this.bytes.length, this.at + Number(len));
      const chunk = this.bytes.subarray(this.at, end);
      this.at = end;
      return chunk;
    }
    blockingRead(len: bigint): Uint8Array {
      return this.read(len);
    }
    skip(len: bigint): bigint {
      return BigInt(this.read(len).length);
    }
    blockingSkip(len: bigint): bigint {
      return this.skip(len);
    }
    subscribe(): object {
      return new ReadyPollable();
    }
  }

  class LocalIncomingBody extends IncomingBody {
    private reader: BodyReader | undefined;
    constructor(bytes: Uint8Array) {
      super();
      this.reader = new BodyReader(bytes);
    }
    stream(): BodyReader {
      const reader = this.reader;
      // wasi:http: a body's stream can be taken once (the shim throws the same).
      if (!reader) throw undefined;
      this.reader = undefined;
      return reader;
    }
  }

  class LocalIncomingRequest extends IncomingRequest {
    private consumed = false;
    constructor(
      private readonly request: LocalRequest,
      private readonly fields: Fields,
    ) {
      super();
    }
    method(): Method {
      const method = this.request.method.toLowerCase();
      return STANDARD_METHODS.has(method) ? { tag: method } : { tag: 'other', val: this.request.method };
    }
    pathWithQuery(): string {
      return this.request.pathWithQuery;
    }
    scheme(): Method {
      return { tag: 'HTTP' };
    }
    authority(): string | undefined {
      return this.request.authority;
    }
    headers(): Fields {
      return this.fields;
    }
    consume(): LocalIncomingBody {
      if (this.consumed) throw undefined;
      this.consumed = true;
      return new LocalIncomingBody(this.request.body);
    }
  }

  /** The response body: held until it ends, except an event stream, which goes out write by write. */
  class BodyWriter extends OutputStream {
    private held: Uint8Array[] = [];
    finished = false;
    constructor(private readonly exchange: ResponseOutparam) {
      super();
    }
    /** Ends the response with what is held. */
    end(): void {
      this.finished = true;
      this.exchange.endBody(this.take());
    }
    checkWrite(): bigint {
      if (this.finished) throw closed();
      return WRITE_BUDGET;
    }
    write(contents: Uint8Array): void {
      if (this.finished) throw closed();
      // jco may hand over a view of the engine's memory: keep a copy.
      this.held.push(contents.slice());
    }
    blockingWriteAndFlush(contents: Uint8Array): void {
      this.write(contents);
      this.flush();
    }
    flush(): void {
      if (this.finished) throw closed();
      if (this.exchange.streaming) this.release();
    }
    blockingFlush(): void {
      this.flush();
    }
    writeZeroes(len: bigint): void {
      this.write(new Uint8Array(Number(len)));
    }
    blockingWriteZeroesAndFlush(len: bigint): void {
      this.blockingWriteAndFlush(new Uint8Array(Number(len)));
    }
    splice(source: { read(len: bigint): Uint8Array }, len: bigint): bigint {
      const chunk = source.read(len);
      this.write(chunk);
      return BigInt(chunk.length);
    }
    blockingSplice(source: { read(len: bigint): Uint8Array }, len: bigint): bigint {
      const moved = this.splice(source, len);
      this.flush();
      return moved;
    }
    subscribe(): object {
      return new ReadyPollable();
    }
    private release(): void {
      if (this.held.length > 0) this.exchange.sendBody(this.take());
    }
    private take(): Uint8Array {
      const chunks = this.held;
      this.held = [];
      return concatBytes(chunks);
    }
  }

  class LocalOutgoingBody extends ShimOutgoingBody {
    private writer: BodyWriter | undefined;
    constructor(private readonly stream: BodyWriter) {
      super();
      this.writer = stream;
    }
    write(): BodyWriter {
      const writer = this.writer;
      if (!writer) throw undefined;
      this.writer = undefined;
      return writer;
    }
    finishLocal(trailers: unknown): void {
      if (this.stream.finished) throw { tag: 'internal-error', val: 'the response body is already finished' };
      if (trailers) throw { tag: 'internal-error', val: 'trailers are not supported' };
      this.stream.end();
    }
  }

  // OutgoingBody is also the body of an outgoing request (the shim's): instances of both pass
  // jco's check, and finish goes to whichever made the body.
  class OutgoingBody extends ShimOutgoingBody {
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof ShimOutgoingBody;
    }
    static finish(body: object, trailers: unknown): void {
      if (body instanceof LocalOutgoingBody) body.finishLocal(trailers);
      else ShimOutgoingBody.finish(body, trailers);
    }
  }

  // Only an incoming request's response is an OutgoingResponse, so these replace the shim's.
  class OutgoingResponse {
    private status = 200;
    private body_: LocalOutgoingBody | undefined;
    constructor(private readonly fields: Fields) {}
    statusCode(): number {
      return this.status;
    }
    setStatusCode(status: number): void {
      if (!Number.isInteger(status) || status < 100 || status > 999) throw undefined;
      this.status = status;
    }
    headers(): Fields {
      return this.fields;
    }
    body(): LocalOutgoingBody {
      if (this.body_) throw undefined;
      const exchange = current();
      exchange.writer = new BodyWriter(exchange);
      this.body_ = new LocalOutgoingBody(exchange.writer);
      return this.body_;
    }
  }

  /** One request's response, from the outparam the component sets to the end of its body. */
  class ResponseOutparam {
    answered = false;
    /** An event stream: its head has gone, and each flushed write follows it. */
    streaming = false;
    /** The response body, once the component asked for it. */
    writer: BodyWriter | undefined;
    /** The head of a response that goes whole, until its body ends. */
    private held: { status: number; headers: [string, string][] } | undefined;
    constructor(private readonly sink: ResponseSink) {}
    static set(param: ResponseOutparam, response: { tag: 'ok'; val: OutgoingResponse } | { tag: 'err'; val: unknown }): void {
      if (param.answered) throw new Error('the response was already set');
      if (response.tag === 'err') {
        param.fail(`the component failed the request (${JSON.stringify(response.val)})`);
        return;
      }
      param.answered = true;
      const status = response.val.statusCode();
      const headers = textHeaders(response.val.headers());
      param.streaming = isEventStream(headers);
      if (param.streaming) param.sink.head(status, headers);
      else param.held = { status, headers };
    }
    sendBody(chunk: Uint8Array): void {
      this.sink.body(chunk);
    }
    endBody(rest: Uint8Array): void {
      const held = this.held;
      if (held) {
        this.held = undefined;
        this.sink.whole(held.status, held.headers, rest);
        return;
      }
      if (rest.length > 0) this.sink.body(rest);
      this.sink.end();
    }
    fail(message: string): void {
      this.answered = true;
      this.sink.whole(500, [['content-type', 'text/plain; charset=utf-8']], encoder.encode(message));
    }
    /** After the handler returned: a response it left unset or unfinished still ends. */
    settle(): void {
      if (!this.answered) this.fail('the component returned without a response');
      else if (!this.writer) this.endBody(new Uint8Array());
      else if (!this.writer.finished) this.writer.end();
    }
  }

  // The request being served: one at a time per thread (a component call blocks it).
  let serving: ResponseOutparam | undefined;
  const current = () => {
    if (!serving) throw new Error('no request is being served');
    return serving;
  };

  const { poll: shimPoll } = shim['wasi:io/poll'];
  return {
    imports: {
      'wasi:io/poll': {
        Pollable,
        // Local pollables are always ready: a list holding one needs no shim call.
        poll(list: object[]): Uint32Array | number[] {
          const ready = list.flatMap((p, i) => (p instanceof ReadyPollable ? [i] : []));
          return ready.length > 0 ? Uint32Array.from(ready) : shimPoll(list);
        },
      },
      'wasi:http/types': { ...types, OutgoingBody, OutgoingResponse, ResponseOutparam },
    },
    serve(handle, request, sink) {
      let fields: Fields;
      try {
        fields = Fields.fromList(request.headers.map(([name, value]) => [name, encoder.encode(value)]));
      } catch (err) {
        // A header wasi:http refuses (a forbidden or malformed one) is the client's error, not the worker's.
        const reason = (err as { tag?: string })?.tag ?? 'invalid';
        const body = errorAnswer(NO_MESSAGES, INVALID_REQUEST, `Bad Request: a request header is not acceptable (${reason})`);
        sink.whole(400, [['content-type', 'application/json']], encoder.encode(body));
        return;
      }
      const outparam = new ResponseOutparam(sink);
      serving = outparam;
      try {
        handle(new LocalIncomingRequest(request, fields), outparam);
      } finally {
        serving = undefined;
      }
      outparam.settle();
    },
  };
}

function textHeaders(fields: Fields): [string, string][] {
  const decoder = new TextDecoder();
  return fields.entries().map(([name, value]): [string, string] => [name, decoder.decode(value)]);
}

function isEventStream(headers: [string, string][]): boolean {
  return headers.some(([name, value]) => name.toLowerCase() === 'content-type' && value.startsWith('text/event-stream'));
}
