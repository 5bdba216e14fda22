// Pulled blobs on disk, one file per digest: a second pull of the same content costs one
// manifest request. Entries are checked against their digest when read, so a damaged cache
// entry is fetched again rather than run.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultCacheDir } from '../component-cache.js';
import { sha256Digest, verifyDigest } from './digest.js';
import { SHA256_DIGEST } from './reference.js';

export function defaultBlobCacheDir(): string {
  return join(defaultCacheDir(), 'oci');
}

export class BlobCache {
  constructor(readonly dir: string = defaultBlobCacheDir()) {}

  pathOf(digest: string): string {
    if (!SHA256_DIGEST.test(digest)) throw new Error(`bad digest ${digest}`);
    return join(this.dir, 'sha256', digest.slice('sha256:'.length));
  }

  /** The cached file of `digest`, or undefined when it is missing or damaged (then it is removed). */
  async lookup(digest: string): Promise<string | undefined> {
    const path = this.pathOf(digest);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      return undefined;
    }
    if (sha256Digest(bytes) === digest) return path;
    await rm(path, { force: true });
    return undefined;
  }

  /** Stores verified bytes under their digest; returns the file. */
  async store(digest: string, bytes: Uint8Array): Promise<string> {
    verifyDigest(bytes, digest, `blob ${digest}`);
    const path = this.pathOf(digest);
    await mkdir(join(this.dir, 'sha256'), { recursive: true });
    // A temporary file and a rename: a concurrent reader never sees half a blob.
    const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    return path;
  }
}
