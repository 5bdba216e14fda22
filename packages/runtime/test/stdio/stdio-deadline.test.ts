// `wasmcp-ts stdio --request-timeout`: a runaway request is answered with the deadline error and
// the server goes on with the next line, on a fresh engine; a request the client cancels gets no
// answer and stops as well.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/support/artifacts.js';
import { StdioProcess } from './stdio-process.js';

const CLI = join(__dirname, '..', '..', 'bin', 'wasmcp-ts.js');
const DEADLINE_SECONDS = 3;

describe('stdio: deadlines and cancellation (draft)', () => {
  let server: StdioProcess;
  beforeAll(async () => {
    server = new StdioProcess(CLI, ['stdio', '--request-timeout', String(DEADLINE_SECONDS), fixture('hostile-tools', 'draft')]);
    expect(await server.initialize('2025-06-18')).toMatchObject({ id: 'init', result: { protocolVersion: '2025-06-18' } });
  });
  afterAll(() => server.kill());

  it('a request past its deadline gets the deadline error, and the next line is answered', { timeout: 120_000 }, async () => {
    expect(await server.request(1, 'tools/call', { name: 'spin', arguments: {} })).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32603, message: `Internal error: the request did not finish within its ${DEADLINE_SECONDS} s deadline (--request-timeout); its engine was replaced` },
    });
    expect(await server.request(2, 'tools/call', { name: 'echo', arguments: { text: 'next' } })).toEqual({
      jsonrpc: '2.0',
      id: 2,
      result: { content: [{ type: 'text', text: 'next' }] },
    });
  });

  it('lines sent while a request runs away are answered after it, in order', { timeout: 120_000 }, async () => {
    server.send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'spin', arguments: {} } });
    server.send({ jsonrpc: '2.0', id: 4, method: 'ping' });
    server.send({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'echo', arguments: { text: 'queued' } } });
    expect(await server.next()).toMatchObject({ id: 3, error: { code: -32603, message: expect.stringContaining('deadline') } });
    expect(await server.next()).toEqual({ jsonrpc: '2.0', id: 4, result: {} });
    expect(await server.next()).toMatchObject({ id: 5, result: { content: [{ text: 'queued' }] } });
  });

  it('notifications/cancelled for the running request stops it with no answer; the next line is answered', { timeout: 120_000 }, async () => {
    server.send({ jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 'spin', arguments: {} } });
    server.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 6, reason: 'changed my mind' } });
    expect(await server.request(7, 'ping')).toEqual({ jsonrpc: '2.0', id: 7, result: {} });
  });

  it('stdout carried only JSON-RPC lines, and EOF ends the process with status 0', { timeout: 60_000 }, async () => {
    expect(await server.end()).toBe(0);
    expect(server.unread()).toEqual([]);
    expect(server.stderr).toMatch(/tools\/call was cancelled by the client; its engine was replaced/);
  });
});
