// Types of the WASI imports of the sessions world, as componentize-js binds them. The
// wasi:keyvalue modules are declared in their draft shape; the draft2 build imports the same
// names @0.2.0-draft2, and keyvalue-adapter.ts handles the shapes where the two differ.
declare module 'wasi:keyvalue/store@0.2.0-draft' {
  export class Bucket {
    private constructor();
    get(key: string): Uint8Array | undefined;
    set(key: string, value: Uint8Array): void;
    delete(key: string): void;
    exists(key: string): boolean;
    listKeys(cursor: bigint | undefined): { keys: string[]; cursor?: bigint };
  }
  export function open(identifier: string): Bucket;
}

declare module 'wasi:keyvalue/batch@0.2.0-draft' {
  import type { Bucket } from 'wasi:keyvalue/store@0.2.0-draft';
  export function getMany(bucket: Bucket, keys: string[]): Array<[string, Uint8Array] | undefined>;
  export function setMany(bucket: Bucket, keyValues: Array<[string, Uint8Array]>): void;
  export function deleteMany(bucket: Bucket, keys: string[]): void;
}

declare module 'wasi:keyvalue/atomics@0.2.0-draft' {
  import type { Bucket } from 'wasi:keyvalue/store@0.2.0-draft';
  export function increment(bucket: Bucket, key: string, delta: bigint): bigint;
}

declare module 'wasi:random/random@0.2.12' {
  export function getRandomBytes(len: bigint): Uint8Array;
}

declare module 'wasi:clocks/wall-clock@0.2.12' {
  export function now(): { seconds: bigint; nanoseconds: number };
}

declare module 'wasi:cli/environment@0.2.12' {
  export function getEnvironment(): Array<[string, string]>;
}
