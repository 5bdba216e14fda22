import * as next from 'wasmcp:mcp-v20251125/server-handler@0.1.1';
import * as tools from 'wasmcp:mcp-v20251125/tools@0.1.1';
import { createToolsMiddleware } from './tools-middleware.js';

// In JS the imported and exported message-context are the same shape (the borrowed
// client stream included), so the context is handed downstream as it came.
export const { serverHandler } = createToolsMiddleware({ tools, next });
