// resources-middleware, built, composed by the runtime in front of the example resources
// component and the paged test catalog.
import { compose, type ServerHandlerExport } from '@wasmcp-ts/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { example, fixture, VARIANTS } from '../../../test/support/artifacts.js';
import { ok, request, send } from '../../../test/support/messages.js';

const uris = (list: { resources: { uri: string }[] }) => list.resources.map((r) => r.uri);
const templateNames = (list: { resourceTemplates: { name: string }[] }) => list.resourceTemplates.map((t) => t.name);
const read = (chain: ServerHandlerExport, uri: string) => send(chain, request({ tag: 'resources-read', val: { uri } }));

describe.each(VARIANTS)('resources chain (%s)', (variant) => {
  let chain: ServerHandlerExport;
  beforeAll(async () => {
    chain = (await compose({ components: [example('resources', variant), fixture('test-catalog', variant)], variant })).handler;
  });

  it('resources/list lists ours, then downstream, and keeps the downstream cursor', () => {
    const first = ok(send(chain, request({ tag: 'resources-list', val: {} })), 'resources-list');
    expect(uris(first)).toEqual(['docs://readme', 'images://pixel.png', 'test://alpha']);
    expect(first.resources[0].options).toMatchObject({ mimeType: 'text/markdown', title: 'README' });
    expect(first.nextCursor).toBe('page-2');
    const second = ok(send(chain, request({ tag: 'resources-list', val: { cursor: 'page-2' } })), 'resources-list');
    expect(uris(second)).toEqual(['docs://readme', 'images://pixel.png', 'test://beta']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('resources/templates/list merges the same way', () => {
    const first = ok(send(chain, request({ tag: 'resources-templates-list', val: {} })), 'resources-templates-list');
    expect(templateNames(first)).toEqual(['color', 'item']);
    expect(first.resourceTemplates[0].uriTemplate).toBe('colors://{name}');
    expect(first.nextCursor).toBe('page-2');
    const second = ok(send(chain, request({ tag: 'resources-templates-list', val: { cursor: 'page-2' } })), 'resources-templates-list');
    expect(templateNames(second)).toEqual(['color', 'log']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('reads a text resource', () => {
    const result = ok(read(chain, 'docs://readme'), 'resources-read');
    expect(result.contents).toHaveLength(1);
    expect(result.contents[0]).toMatchObject({ tag: 'text', val: { uri: 'docs://readme', options: { mimeType: 'text/markdown' } } });
    expect(result.contents[0].val).toMatchObject({ text: { tag: 'text', val: expect.stringContaining('# wasmcp-ts') } });
  });

  it('reads a binary resource as bytes', () => {
    const result = ok(read(chain, 'images://pixel.png'), 'resources-read');
    const contents = result.contents[0];
    if (contents.tag !== 'blob' || contents.val.blob.tag !== 'blob') throw new Error('expected inline blob contents');
    expect(contents.val.options?.mimeType).toBe('image/png');
    expect([...contents.val.blob.val.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('reads a URI of a template', () => {
    const result = ok(read(chain, 'colors://teal'), 'resources-read');
    expect(result.contents[0]).toMatchObject({ tag: 'text', val: { uri: 'colors://teal', options: { mimeType: 'application/json' } } });
    const text = (result.contents[0].val as { text: { val: string } }).text.val;
    expect(JSON.parse(text)).toEqual({ name: 'teal', hex: '#008080' });
  });

  it('a URI the first component does not own is read downstream', () => {
    const result = ok(read(chain, 'test://beta'), 'resources-read');
    expect(result.contents[0]).toMatchObject({ tag: 'text', val: { uri: 'test://beta', text: { val: 'contents of test://beta' } } });
  });

  it('a URI nobody owns is -32002 "Resource not found" with the uri as data', () => {
    for (const uri of ['test://nope', 'colors://no-such-color']) {
      expect(read(chain, uri)).toEqual({ tag: 'err', val: { tag: 'mcp', val: { code: -32002n, message: 'Resource not found', data: JSON.stringify({ uri }) } } });
    }
  });

  it('a resource that throws yields -32603 and the chain keeps answering', () => {
    expect(read(chain, 'test://broken')).toMatchObject({
      tag: 'err',
      val: { tag: 'internal-error', val: { code: -32603n, message: 'Internal error: test://broken always fails' } },
    });
    expect(ok(read(chain, 'test://alpha'), 'resources-read').contents).toHaveLength(1);
  });

  it('resources/subscribe without a session is a method nobody serves (-32601)', () => {
    expect(send(chain, request({ tag: 'resources-subscribe', val: 'docs://readme' }))).toMatchObject({
      tag: 'err',
      val: { tag: 'method-not-found', val: { code: -32601n, message: 'Method not found: resources/subscribe' } },
    });
  });
});
