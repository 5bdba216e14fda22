// defineResources: plain resource and resource-template definitions -> the exports of
// wasmcp:mcp-v20251125/resources. A URI that no definition serves is "not mine" (the
// resources-middleware then answers -32002); a read that throws is a JSON-RPC error
// (-32603 with its message, or the ProtocolError it threw).
import { andThen, decodeResource, decodeResourceTemplate, type JsonObject, type MaybePromise } from '@wasmcp-ts/protocol';
import type {
  ListResourcesRequest,
  ListResourcesResult,
  ListResourceTemplatesRequest,
  ListResourceTemplatesResult,
  McpResource,
  ReadResourceRequest,
  ReadResourceResult,
  ResourceContents,
  ResourceTemplate,
} from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { AuthorError, decodeAuthored, resourceContents, type Annotations, type Icon, type ResourceContentsJson } from './content.js';
import { runWithContext, type Context } from './context.js';
import { createContext } from './component.js';
import { answerOrAsk } from './round-trips.js';
import { compileUriTemplate, type TemplateParams, type UriTemplate } from './uri-template.js';

/** What a read returns: a text or bytes (with the definition's mimeType), or contents in MCP's JSON shape. */
export type ResourceRead = string | Uint8Array | ResourceContentsJson[];

interface ResourceFields {
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  annotations?: Annotations;
  icons?: Icon[];
  _meta?: JsonObject;
}

export interface ResourceDefinition extends ResourceFields {
  uri: string;
  /** Size in bytes, if known. */
  size?: number;
  read: (ctx: Context) => ResourceRead | Promise<ResourceRead>;
}

export interface ResourceTemplateDefinition<T extends string> extends ResourceFields {
  /** An RFC 6570 template of `{name}` (one path segment) and `{+name}` (anything) variables. */
  uriTemplate: T;
  /** `undefined`: no such resource (the next template, or the next component, may have it). */
  read: (params: TemplateParams<T>, ctx: Context, uri: string) => ResourceRead | undefined | Promise<ResourceRead | undefined>;
}

/** The `resources` export: `export const resources = defineResources({ resources, templates })`. */
export interface ResourcesExport {
  listResources(ctx: MessageContext, request: ListResourcesRequest): ListResourcesResult;
  /** At once when the read is synchronous; a promise only when the read returns one. */
  readResource(ctx: MessageContext, request: ReadResourceRequest): MaybePromise<ReadResourceResult | undefined>;
  listResourceTemplates(ctx: MessageContext, request: ListResourceTemplatesRequest): ListResourceTemplatesResult;
}

interface CompiledTemplate {
  listing: ResourceTemplate;
  template: UriTemplate;
  definition: ResourceTemplateDefinition<string>;
}

export function defineResources<const T extends readonly string[]>(definitions: {
  resources?: ResourceDefinition[];
  templates?: { [K in keyof T]: ResourceTemplateDefinition<T[K]> };
}): ResourcesExport {
  const byUri = new Map<string, { listing: McpResource; definition: ResourceDefinition }>();
  for (const definition of definitions.resources ?? []) {
    if (typeof definition.read !== 'function') throw new AuthorError(`resource ${definition.uri} has no read function`);
    const listing = decodeAuthored(() => decodeResource(listingJson(definition, { uri: definition.uri, size: definition.size }), `resource ${definition.uri}`));
    if (byUri.has(listing.uri)) throw new AuthorError(`resource ${listing.uri} is defined twice`);
    byUri.set(listing.uri, { listing, definition });
  }
  const templates: CompiledTemplate[] = ((definitions.templates ?? []) as readonly ResourceTemplateDefinition<string>[]).map((definition) => {
    if (typeof definition.read !== 'function') throw new AuthorError(`resource template ${definition.uriTemplate} has no read function`);
    const listing = decodeAuthored(() => decodeResourceTemplate(listingJson(definition, { uriTemplate: definition.uriTemplate }), `resource template ${definition.uriTemplate}`));
    return { listing, template: compileUriTemplate(definition.uriTemplate), definition };
  });
  const resources = [...byUri.values()].map((r) => r.listing);
  const resourceTemplates = templates.map((t) => t.listing);

  return {
    listResources: () => ({ resources }),
    listResourceTemplates: () => ({ resourceTemplates }),
    readResource(ctx, { uri }) {
      /** The first template that matches the URI and reads something, from `start` on. */
      const readTemplate = (start: number): MaybePromise<ReadResourceResult | undefined> => {
        for (let i = start; i < templates.length; i++) {
          const { template, definition } = templates[i];
          const params = template.match(uri);
          if (!params) continue;
          return andThen(runWithContext(createContext(ctx), (context) => definition.read(params, context, uri)), (read) =>
            read === undefined ? readTemplate(i + 1) : { contents: contentsOf(read, uri, definition.mimeType) },
          );
        }
        return undefined;
      };
      const fixed = byUri.get(uri);
      return answerOrAsk<ReadResourceResult | undefined>(
        () =>
          fixed
            ? andThen(runWithContext(createContext(ctx), (context) => fixed.definition.read(context)), (read) => ({ contents: contentsOf(read, uri, fixed.definition.mimeType) }))
            : readTemplate(0),
        (meta) => ({ contents: [], meta }),
      );
    },
  };
}

function listingJson(definition: ResourceFields, identity: Record<string, unknown>): Record<string, unknown> {
  const { name, title, description, mimeType, annotations, icons, _meta } = definition;
  return { ...identity, name, title, description, mimeType, annotations, icons, _meta };
}

function contentsOf(read: ResourceRead, uri: string, mimeType: string | undefined): ResourceContents[] {
  const options = mimeType === undefined ? undefined : { mimeType };
  if (typeof read === 'string') return [{ tag: 'text', val: { uri, text: { tag: 'text', val: read }, options } }];
  if (read instanceof Uint8Array) return [{ tag: 'blob', val: { uri, blob: { tag: 'blob', val: read }, options } }];
  if (!Array.isArray(read)) throw new AuthorError(`the read of ${uri} returned neither a string, bytes nor a list of contents`);
  return read.map((contents, i) => resourceContents(contents, `contents[${i}]`));
}
