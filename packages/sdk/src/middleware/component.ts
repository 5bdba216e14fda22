// The one middleware module that knows it runs in a component: the rest of the chain is the
// imported server-handler. Only modules that use @wasmcp-ts/sdk/middleware import it, so a
// tools, resources or prompts component keeps its world.
import { handle } from 'wasmcp:mcp-v20251125/server-handler@0.1.1';
import { createContext } from '../component.js';
import { middlewareFactory } from './define.js';

export const defineMiddleware = middlewareFactory({ next: handle, createContext });
