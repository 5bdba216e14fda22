// The wasi:http resources a serving worker hands the transport (src/local-http.ts), driven the
// way a component drives them through jco: method calls on the objects and the statics of the
// import object's classes. The built transport over them is tested by every serve test.
import { describe, expect, it } from 'vitest';
import { localHttp, type LocalRequest, type ResponseSink } from '../src/local-http.js';
import { wasiImports } from '../src/wasi-imports.js';

/** jco hands the component what these return; the test drives them as loosely. */
type Any = any;

const shim = wasiImports();
const http = localHttp(shim);
const types = http.imports['wasi:http/types'] as Any;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Recorded {
  events: string[];
  whole?: { status: number; headers: [string, string][]; body: string };
  head?: { status: number; headers: [string, string][] };
  chunks: string[];
}

function recorder(): { sink: ResponseSink; recorded: Recorded } {
  const recorded: Recorded = { events: [], chunks: [] };
  const sink: ResponseSink = {
    head: (status, headers) => {
      recorded.events.push('head');
      recorded.head = { status, headers };
    },
    body: (chunk) => {
      recorded.events.push('body');
      recorded.chunks.push(decoder.decode(chunk));
    },
    end: () => recorded.events.push('end'),
    whole: (status, headers, body) => {
      recorded.events.push('whole');
      recorded.whole = { status, headers, body: decoder.decode(body) };
    },
  };
  return { sink, recorded };
}

const request = (over: Partial<LocalRequest> = {}): LocalRequest => ({
  method: 'POST',
  pathWithQuery: '/mcp?x=1',
  authority: '127.0.0.1:8080',
  headers: [
    ['content-type', 'application/json'],
    ['x-twice', 'a'],
    ['x-twice', 'b'],
  ],
  body: encoder.encode('0123456789'),
  ...over,
});

/** Starts a response the way the transport does: body first, then the outparam, then the stream. */
function respond(outparam: object, status: number, headers: [string, string][]): { stream: Any; body: Any } {
  const response = new types.OutgoingResponse(types.Fields.fromList(headers.map(([n, v]) => [n, encoder.encode(v)])));
  response.setStatusCode(status);
  const body = response.body();
  types.ResponseOutparam.set(outparam, { tag: 'ok', val: response });
  return { body, stream: body.write() };
}

describe('wasi:http in the serving worker', () => {
  it('hands over the request: method, target, authority, repeated headers, and the body in reads until closed', () => {
    const { sink } = recorder();
    let seen: Any;
    http.serve(
      (req: Any, outparam) => {
        const body = req.consume();
        const stream = body.stream();
        const reads = [decoder.decode(stream.blockingRead(4n)), decoder.decode(stream.read(100n))];
        let end: unknown;
        try {
          stream.blockingRead(1n);
        } catch (err) {
          end = err;
        }
        stream[Symbol.dispose]();
        types.IncomingBody.finish(body);
        const headers = req.headers().entries().map(([n, v]: [string, Uint8Array]) => [n, decoder.decode(v)]);
        seen = { method: req.method(), path: req.pathWithQuery(), authority: req.authority(), scheme: req.scheme(), headers, reads, end };
        expect(() => req.consume()).toThrow();
        respond(outparam, 204, []);
      },
      request(),
      sink,
    );
    expect(seen).toEqual({
      method: { tag: 'post' },
      path: '/mcp?x=1',
      authority: '127.0.0.1:8080',
      scheme: { tag: 'HTTP' },
      headers: [
        ['content-type', 'application/json'],
        ['x-twice', 'a'],
        ['x-twice', 'b'],
      ],
      reads: ['0123', '456789'],
      end: { tag: 'closed' },
    });
  });

  it('a JSON response goes whole, in one piece, when its body is finished', () => {
    const { sink, recorded } = recorder();
    http.serve(
      (_req, outparam) => {
        const { body, stream } = respond(outparam, 200, [['content-type', 'application/json']]);
        stream.blockingWriteAndFlush(encoder.encode('{"a":'));
        stream.write(encoder.encode('1}'));
        stream[Symbol.dispose]();
        types.OutgoingBody.finish(body, undefined);
        expect(() => stream.blockingWriteAndFlush(encoder.encode('late'))).toThrow();
      },
      request(),
      sink,
    );
    expect(recorded.events).toEqual(['whole']);
    expect(recorded.whole).toEqual({ status: 200, headers: [['content-type', 'application/json']], body: '{"a":1}' });
  });

  it('an event stream goes out as it is written: its head at once, each flushed write, then its end', () => {
    const { sink, recorded } = recorder();
    http.serve(
      (_req, outparam) => {
        const { body, stream } = respond(outparam, 200, [['content-type', 'text/event-stream']]);
        expect(recorded.events).toEqual(['head']);
        stream.blockingWriteAndFlush(encoder.encode('data: 1\n\n'));
        stream.blockingWriteAndFlush(encoder.encode('data: 2\n\n'));
        types.OutgoingBody.finish(body, undefined);
      },
      request({ method: 'GET', body: new Uint8Array() }),
      sink,
    );
    expect(recorded.events).toEqual(['head', 'body', 'body', 'end']);
    expect(recorded.chunks).toEqual(['data: 1\n\n', 'data: 2\n\n']);
  });

  it('a handler that sets no response gets a 500 saying so; one that leaves its body open is ended', () => {
    const none = recorder();
    http.serve(() => {}, request(), none.sink);
    expect(none.recorded.whole).toMatchObject({ status: 500, body: 'the component returned without a response' });

    const open = recorder();
    http.serve((_req, outparam) => respond(outparam, 200, [['content-type', 'application/json']]).stream.write(encoder.encode('{}')), request(), open.sink);
    expect(open.recorded.events).toEqual(['whole']);
    expect(open.recorded.whole?.body).toBe('{}');

    const failed = recorder();
    http.serve((_req, outparam) => types.ResponseOutparam.set(outparam, { tag: 'err', val: { tag: 'internal-error', val: 'boom' } }), request(), failed.sink);
    expect(failed.recorded.whole).toMatchObject({ status: 500 });
    expect(failed.recorded.whole?.body).toContain('boom');
  });

  it('a header wasi:http refuses gets a 400 JSON-RPC error, and the component is not called', () => {
    const { sink, recorded } = recorder();
    let called = false;
    http.serve(() => (called = true), request({ headers: [['keep-alive', 'timeout=5']] }), sink);
    expect(called).toBe(false);
    expect(recorded.whole?.status).toBe(400);
    expect(JSON.parse(recorded.whole!.body)).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } });
  });

  it("an outgoing request's body (the shim's) still passes as an OutgoingBody; a stream's pollable is ready without the shim", () => {
    const shimBody = Object.create((shim['wasi:http/types'] as Any).OutgoingBody.prototype);
    expect(shimBody instanceof types.OutgoingBody).toBe(true);
    const poll = http.imports['wasi:io/poll'] as Any;
    http.serve(
      (req: Any, outparam) => {
        const pollable = req.consume().stream().subscribe();
        expect(pollable.ready()).toBe(true);
        expect(Array.from(poll.poll([pollable]))).toEqual([0]);
        respond(outparam, 204, []);
      },
      request(),
      recorder().sink,
    );
  });
});
