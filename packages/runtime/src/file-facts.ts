// Facts about a file (its digest, its import and export names) remembered in the cache under its
// path, size, inode and modification time, so that a warm start neither reads nor hashes nor
// parses a 15 MB component again. A rewritten file has a new modification time, so its facts are
// worked out afresh.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

async function factFile(kind: string, path: string, cacheDir: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return join(cacheDir, 'file-facts', kind, sha256(`${resolve(path)}\0${info.size}\0${info.ino}\0${info.mtimeMs}`));
}

/** The fact of `kind` recorded for the file as it is now, if any. */
export async function knownFact(kind: string, path: string, cacheDir: string): Promise<string | undefined> {
  const file = await factFile(kind, path, cacheDir);
  return file === undefined ? undefined : readFile(file, 'utf8').catch(() => undefined);
}

export async function rememberFact(kind: string, path: string, value: string, cacheDir: string): Promise<void> {
  const file = await factFile(kind, path, cacheDir);
  if (!file) return;
  // Written aside and renamed, so a concurrent reader sees all of it or nothing.
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, value);
    await rename(tmp, file);
  } catch {
    await rm(tmp, { force: true }); // a read-only cache only costs the next start the work again
  }
}
