import { guardResult } from '@wasmcp-ts/protocol';
import type {
  CompleteRequest,
  ListResourcesRequest,
  ListResourceTemplatesRequest,
  ReadResourceRequest,
} from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageContext } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-server-handler.js';
import { complete, readResource, resources as allResources, templates } from './catalog.js';

export const resources = {
  listResources: (_ctx: MessageContext, _request: ListResourcesRequest) => guardResult(() => ({ resources: allResources })),
  readResource: (_ctx: MessageContext, request: ReadResourceRequest) => guardResult(() => readResource(request.uri)),
  listResourceTemplates: (_ctx: MessageContext, _request: ListResourceTemplatesRequest) => guardResult(() => ({ resourceTemplates: templates })),
};

export const completions = {
  complete: (_ctx: MessageContext, request: CompleteRequest) => guardResult(() => complete(request)),
};
