import * as store from 'wasmcp:keyvalue/store@0.1.0';
import * as resources from 'wasmcp:mcp-v20251125/resources@0.1.1';
import * as next from 'wasmcp:mcp-v20251125/server-handler@0.1.1';
import { createResourcesMiddleware } from './resources-middleware.js';

// In JS the imported and exported message-context are the same shape (the borrowed
// client stream included), so the context is handed downstream as it came.
export const { serverHandler } = createResourcesMiddleware({ resources, next, store });
