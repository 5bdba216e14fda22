// @wasmcp-ts/sdk/keyvalue: the host's key-value store (wasi:keyvalue), shared by every instance,
// worker and process of a server (`wasmcp-ts serve --kv sqlite|redis`). A component importing it
// is built in both variants: wasi:keyvalue@0.2.0-draft and @0.2.0-draft2.
export { openBucket } from './component.js';
export { DEFAULT_BUCKET, type Bucket } from './bucket.js';
