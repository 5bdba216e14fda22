// The one key-value module that knows it runs in a component: the buckets are the host's
// wasi:keyvalue (the draft2 build imports the same interfaces @0.2.0-draft2). Only modules that
// use @wasmcp-ts/sdk/keyvalue import them.
import * as atomics from 'wasi:keyvalue/atomics@0.2.0-draft';
import * as store from 'wasi:keyvalue/store@0.2.0-draft';
import { bucketFactory } from './bucket.js';

/** A bucket of the host's key-value store (`default` unless named). */
export const openBucket = bucketFactory({ store, atomics });
