// Must stay the first import: it replaces the global `crypto` before @noble/curves loads.
import './crypto-global.js';
import * as environment from 'wasi:cli/environment@0.2.12';
import * as store from 'wasmcp:keyvalue/store@0.1.0';
import { createAuthorization } from './create-authorization.js';

export const { serverAuth, helpers } = createAuthorization({ environment, store });
