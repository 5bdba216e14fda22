#!/usr/bin/env node
// The built stdio transport on this process's stdio, in front of a chain written in JS that
// does what tools do mid-call and what tests need to see:
//   tools/call "notify"   writes a progress notification (when its arguments name a
//                         progressToken: WIT drops the request's _meta) and a log
//                         notification to ctx.client-stream, framed with ctx.frame, then answers
//   tools/call "context"  answers with the message-context it was given, as JSON text
//   tools/call "fail"     answers a -32002 error with data, to check codes pass through
//   notifications         a notifications/cancelled from the client is echoed back as a
//                         log notification, so tests can see one-way messages arrive
// Everything else gets -32601, as method-not-found would.
//   node fake-chain-launch.mjs <draft|draft2>
import { WASIShim } from '@bytecodealliance/preview2-shim/instantiation';
import { frameworkArtifact, loadComponentFile, SERVER_HANDLER } from '../../dist/index.js';

const encoder = new TextEncoder();

function write(ctx, message) {
  const json = encoder.encode(JSON.stringify(message));
  const framed = new Uint8Array(ctx.frame.prefix.length + json.length + ctx.frame.suffix.length);
  framed.set(ctx.frame.prefix, 0);
  framed.set(json, ctx.frame.prefix.length);
  framed.set(ctx.frame.suffix, ctx.frame.prefix.length + json.length);
  ctx.clientStream.blockingWriteAndFlush(framed);
}

const text = (value) => ({ tag: 'ok', val: { tag: 'tools-call', val: { content: [{ tag: 'text', val: { text: { tag: 'text', val: value } } }] } } });
const notFound = (method) => ({ tag: 'err', val: { tag: 'method-not-found', val: { code: -32601n, message: `Method not found: ${method}` } } });

const chain = {
  handle(ctx, message) {
    if (message.tag === 'notification') {
      if (message.val.tag === 'cancelled' && ctx.clientStream) {
        write(ctx, { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: `cancelled ${message.val.val.requestId.val}` } });
      }
      return undefined;
    }
    if (message.tag !== 'request') return undefined;
    const request = message.val[1];
    if (request.tag === 'tools-list') {
      return { tag: 'ok', val: { tag: 'tools-list', val: { tools: ['notify', 'context', 'fail'].map((name) => ({ name, inputSchema: '{"type":"object"}' })) } } };
    }
    if (request.tag !== 'tools-call') return notFound(request.tag);
    switch (request.val.name) {
      case 'notify': {
        const { progressToken } = JSON.parse(request.val.arguments ?? '{}');
        if (progressToken !== undefined) write(ctx, { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken, progress: 1, total: 2 } });
        write(ctx, { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', logger: 'fake', data: 'halfway' } });
        return text('done');
      }
      case 'context':
        return text(
          JSON.stringify({
            protocolVersion: ctx.protocolVersion,
            prefix: [...ctx.frame.prefix],
            suffix: [...ctx.frame.suffix],
            clientStream: ctx.clientStream !== undefined,
            session: ctx.session ?? null,
          }),
        );
      case 'fail':
        return { tag: 'err', val: { tag: 'mcp', val: { code: -32002n, message: 'Resource not found', data: '{"uri":"x:y"}' } } };
      default:
        return { tag: 'err', val: { tag: 'invalid-params', val: { code: -32602n, message: `Unknown tool: ${request.val.name}` } } };
    }
  },
};

const variant = process.argv[2];
const transport = await loadComponentFile(frameworkArtifact('stdio-transport', variant));
const wasi = new WASIShim({ sandbox: { env: {} } }).getImportObject();
// The transport imports server-io and server-auth only for their types: if it ever called
// them, the test would see this error.
const unused = (name) => new Proxy({}, { get: (_, fn) => () => { throw new Error(`stdio-transport called ${name}#${String(fn)}`); } });
const imports = {};
for (const name of transport.imports) imports[name] = name === SERVER_HANDLER ? chain : (wasi[name] ?? unused(name));
const instance = await transport.instantiate(imports);
try {
  instance['wasi:cli/run@0.2.12'].run();
  process.exit(0);
} catch (err) {
  process.stderr.write(`fake-chain-launch: ${err.message}\n`);
  process.exit(1);
}
