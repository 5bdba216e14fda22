import * as environment from 'wasi:cli/environment@0.2.12';
import * as stderr from 'wasi:cli/stderr@0.2.12';
import * as stdin from 'wasi:cli/stdin@0.2.12';
import * as stdout from 'wasi:cli/stdout@0.2.12';
import * as serverHandler from 'wasmcp:mcp-v20251125/server-handler@0.1.1';
import { createStdioTransport } from './create-stdio-transport.js';

export const { run } = createStdioTransport({ serverHandler, environment, stdin, stdout, stderr });
