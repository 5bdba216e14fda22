// The example's resources: a static text document, a static binary image, and a family of
// JSON documents behind the URI template `colors://{name}`, whose `name` can be completed.
import { decodeBase64, invalidParams, ProtocolError } from '@wasmcp-ts/protocol';
import type { CompleteRequest, CompleteResult, McpResource, ReadResourceResult, ResourceTemplate } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';

export const README_URI = 'docs://readme';
export const PIXEL_URI = 'images://pixel.png';
export const COLOR_TEMPLATE = 'colors://{name}';

const README = '# wasmcp-ts\n\nMCP server components written in TypeScript, compiled to WebAssembly.\n';
// A 1x1 PNG: the smallest real image a client can decode.
const PIXEL = decodeBase64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==')!;

const COLORS: Record<string, string> = {
  black: '#000000',
  blue: '#0000ff',
  cyan: '#00ffff',
  gray: '#808080',
  green: '#008000',
  magenta: '#ff00ff',
  maroon: '#800000',
  navy: '#000080',
  olive: '#808000',
  orange: '#ffa500',
  purple: '#800080',
  red: '#ff0000',
  silver: '#c0c0c0',
  teal: '#008080',
  white: '#ffffff',
  yellow: '#ffff00',
};
const COLOR_URI = /^colors:\/\/([a-z]+)$/;

export const resources: McpResource[] = [
  { uri: README_URI, name: 'readme', options: { title: 'README', mimeType: 'text/markdown', size: BigInt(new TextEncoder().encode(README).length) } },
  { uri: PIXEL_URI, name: 'pixel', options: { title: 'A one-pixel PNG', mimeType: 'image/png', size: BigInt(PIXEL.length) } },
];

export const templates: ResourceTemplate[] = [
  { uriTemplate: COLOR_TEMPLATE, name: 'color', options: { title: 'Named colors', description: 'A CSS color by name, as JSON', mimeType: 'application/json' } },
];

/** The contents of a URI, or `undefined` when it is not one of ours. */
export function readResource(uri: string): ReadResourceResult | undefined {
  if (uri === README_URI) return { contents: [{ tag: 'text', val: { uri, text: { tag: 'text', val: README }, options: { mimeType: 'text/markdown' } } }] };
  if (uri === PIXEL_URI) return { contents: [{ tag: 'blob', val: { uri, blob: { tag: 'blob', val: PIXEL }, options: { mimeType: 'image/png' } } }] };
  const name = COLOR_URI.exec(uri)?.[1];
  const hex = name === undefined ? undefined : COLORS[name];
  if (name === undefined || hex === undefined) return undefined;
  const json = JSON.stringify({ name, hex });
  return { contents: [{ tag: 'text', val: { uri, text: { tag: 'text', val: json }, options: { mimeType: 'application/json' } } }] };
}

/** Completes `name` of the color template; `undefined` for every other reference. */
export function complete(request: CompleteRequest): CompleteResult | undefined {
  if (request.ref.tag !== 'resource-template' || request.ref.val !== COLOR_TEMPLATE) return undefined;
  if (request.argument.name !== 'name') throw new ProtocolError(invalidParams(`${COLOR_TEMPLATE} has no argument "${request.argument.name}"`));
  const prefix = request.argument.value.toLowerCase();
  const values = Object.keys(COLORS).filter((color) => color.startsWith(prefix));
  return { values, total: BigInt(values.length), hasMore: false };
}
