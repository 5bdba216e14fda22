// A SQLite file: survives restarts and is shared by every thread and process that opens the
// same file (WAL mode; writers wait for each other up to the busy timeout).
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { checkBucketName, checkCounterRange, counterValue, KeyValueError, type KeyValueBackend, type ListStart } from './backend.js';

const BUSY_TIMEOUT_MS = 5000;
const require = createRequire(import.meta.url);

/**
 * better-sqlite3 is an optional dependency of the runtime: its native module is a prebuilt
 * download or a C++ build at install time, and an install without either still serves with
 * --kv memory or --kv redis. Loaded when a SQLite store is opened.
 */
function openDatabase(path: string): Database.Database {
  let Sqlite: typeof Database;
  try {
    Sqlite = require('better-sqlite3');
    return new Sqlite(path);
  } catch (err) {
    const message = (err as Error).message;
    if (!/better-sqlite3|bindings|better_sqlite3\.node|NODE_MODULE_VERSION/.test(message)) throw err;
    throw new Error(
      `better-sqlite3, which the SQLite store needs, is not installed or its native module did not build (${message.split('\n')[0]}): ` +
        'install it (npm install better-sqlite3; it downloads a prebuilt binary or builds with a C++ compiler), or use --kv memory or --kv redis',
    );
  }
}

export class SqliteBackend implements KeyValueBackend {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly incrementTx: (bucket: string, key: string, delta: bigint) => bigint;

  constructor(
    readonly path: string,
    private readonly allowedBuckets?: readonly string[],
  ) {
    try {
      this.db = openDatabase(path);
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      this.db.pragma('journal_mode = WAL');
      this.db.exec(
        'CREATE TABLE IF NOT EXISTS kv (bucket TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (bucket, key)) WITHOUT ROWID',
      );
    } catch (err) {
      throw new Error(`cannot open the SQLite key-value store ${path}: ${(err as Error).message}`);
    }
    const db = this.db;
    this.statements = {
      get: db.prepare<[string, string], { value: Buffer }>('SELECT value FROM kv WHERE bucket = ? AND key = ?'),
      set: db.prepare<[string, string, Uint8Array]>(
        'INSERT INTO kv (bucket, key, value) VALUES (?, ?, ?) ON CONFLICT (bucket, key) DO UPDATE SET value = excluded.value',
      ),
      delete: db.prepare<[string, string]>('DELETE FROM kv WHERE bucket = ? AND key = ?'),
      exists: db.prepare<[string, string], { found: number }>('SELECT 1 AS found FROM kv WHERE bucket = ? AND key = ?'),
      keysFrom: db.prepare<[string, number, number], { key: string }>('SELECT key FROM kv WHERE bucket = ? ORDER BY key LIMIT ? OFFSET ?'),
      keysAfter: db.prepare<[string, string, number], { key: string }>('SELECT key FROM kv WHERE bucket = ? AND key > ? ORDER BY key LIMIT ?'),
    };
    // IMMEDIATE takes the write lock before reading, so two processes cannot both read the old value.
    const increment = db.transaction((bucket: string, key: string, delta: bigint) => {
      const row = this.statements.get.get(bucket, key);
      const next = checkCounterRange(key, counterValue(key, row?.value) + delta);
      this.statements.set.run(bucket, key, Buffer.from(next.toString()));
      return next;
    });
    this.incrementTx = (bucket, key, delta) => increment.immediate(bucket, key, delta);
  }

  openBucket(name: string): void {
    checkBucketName(name, this.allowedBuckets);
  }

  get(bucket: string, key: string): Uint8Array | undefined {
    return this.run(() => {
      const value = this.statements.get.get(bucket, key)?.value;
      // A plain Uint8Array view, as the other backends return (each row gets its own Buffer).
      return value && new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    });
  }

  set(bucket: string, key: string, value: Uint8Array): void {
    this.run(() => this.statements.set.run(bucket, key, value));
  }

  delete(bucket: string, key: string): void {
    this.run(() => this.statements.delete.run(bucket, key));
  }

  exists(bucket: string, key: string): boolean {
    return this.run(() => this.statements.exists.get(bucket, key) !== undefined);
  }

  listKeys(bucket: string, start: ListStart, limit: number): { keys: string[]; more: boolean } {
    return this.run(() => {
      // One row past the page tells whether more remain.
      const rows =
        start && 'after' in start
          ? this.statements.keysAfter.all(bucket, start.after, limit + 1)
          : this.statements.keysFrom.all(bucket, limit + 1, start?.offset ?? 0);
      return { keys: rows.slice(0, limit).map((r) => r.key), more: rows.length > limit };
    });
  }

  increment(bucket: string, key: string, delta: bigint): bigint {
    return this.run(() => this.incrementTx(bucket, key, delta));
  }

  close(): void {
    this.db.close();
  }

  private run<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof KeyValueError) throw err;
      throw new KeyValueError('other', `sqlite: ${(err as Error).message}`);
    }
  }
}
