// Session lifecycle (session-manager, for transports) and per-session data (sessions, for
// tools), kept in a key-value bucket so that any instance can serve any request:
//   {session-id}:__meta__   the session's metadata, as-json (wasmcp's layout)
//   {session-id}:{key}      the session's data, typed values
import { noSuchSession, SessionFailure, toStoreError, unexpected } from './errors.js';
import type { KeyValueHost } from './keyvalue-adapter.js';
import { isSessionId, sessionIdFrom } from './session-id.js';
import { bucketName, TypedBucket } from './typed-store.js';
import { payloadSize, type TypedValue } from './typed-value.js';

export const META_KEY = '__meta__';
export const MAX_KEY_BYTES = 1024;
export const MAX_VALUE_BYTES = 1024 * 1024;
export const DEFAULT_TTL_SECONDS = 24 * 60 * 60;
const DELETE_BATCH = 100;

/** What a session's metadata holds; field names are wasmcp's, so stores carry over. */
interface SessionMetadata {
  terminated: boolean;
  /** Unix time in milliseconds. */
  created_at: number;
  /** Unix time in seconds; the session is invalid from then on. */
  expires_at?: number;
  reason?: string;
}

export interface SessionHost {
  keyValue: KeyValueHost;
  randomBytes(count: number): Uint8Array;
  /** Wall-clock time, milliseconds since the Unix epoch. */
  nowMs(): number;
  /** The environment (WASMCP_SESSION_TTL, WASMCP_SESSION_BUCKET). */
  env: ReadonlyMap<string, string>;
}

/** WASMCP_SESSION_TTL: the lifetime of a new session in whole seconds (default 24 h). */
export function sessionTtlSeconds(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_TTL_SECONDS;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw unexpected(`WASMCP_SESSION_TTL must be a whole number of seconds greater than 0, got ${JSON.stringify(value)}`);
  }
  return seconds;
}

const utf8 = new TextEncoder();
const metaKey = (id: string) => `${id}:${META_KEY}`;

function requireSessionId(id: string): void {
  if (!isSessionId(id)) throw unexpected(`malformed session id ${JSON.stringify(id.slice(0, 64))}: expected a lowercase UUID v4`);
}

export class SessionManager {
  /** Open buckets by name, kept for the instance's life: each open is a host call. */
  private readonly buckets = new Map<string, TypedBucket>();

  constructor(private readonly host: SessionHost) {}

  initialize(storeId: string): string {
    const ttl = sessionTtlSeconds(this.host.env.get('WASMCP_SESSION_TTL'));
    const bucket = this.bucket(storeId);
    const id = sessionIdFrom(this.host.randomBytes(16));
    const now = this.host.nowMs();
    this.writeMeta(bucket, id, { terminated: false, created_at: now, expires_at: Math.floor(now / 1000) + ttl });
    return id;
  }

  /** False for a malformed id and for a session that is unknown, terminated or expired. */
  validate(id: string, storeId: string): boolean {
    if (!isSessionId(id)) return false;
    const meta = this.readMeta(this.bucket(storeId), id);
    return meta !== undefined && this.isActive(meta);
  }

  markTerminated(id: string, storeId: string, reason: string | undefined): void {
    this.update(id, storeId, (meta) => ({ ...meta, terminated: true, reason }));
  }

  /** Unix seconds, as in a JWT's `exp`. */
  setExpiration(id: string, storeId: string, expiresAt: bigint): void {
    if (expiresAt > BigInt(Number.MAX_SAFE_INTEGER)) throw unexpected(`expires-at ${expiresAt} is out of range (Unix seconds expected)`);
    this.update(id, storeId, (meta) => ({ ...meta, expires_at: Number(expiresAt) }));
  }

  /** Removes the metadata and every key of the session; an unknown session is no error. */
  deleteSession(id: string, storeId: string): void {
    requireSessionId(id);
    const bucket = this.bucket(storeId);
    const prefix = `${id}:`;
    deleteKeys(bucket, allKeys(bucket).filter((k) => k.startsWith(prefix)));
  }

  /**
   * Removes every session that is no longer active (expired or terminated), with all its keys,
   * as a client's DELETE would, and data left without metadata (a DELETE cut short); returns
   * how many sessions went. Hosts call it now and then: a client that never says goodbye would
   * otherwise leave its session in the store for good.
   */
  sweepInactive(storeId: string): number {
    const bucket = this.bucket(storeId);
    const keysBySession = new Map<string, string[]>();
    for (const key of allKeys(bucket)) {
      const id = key.slice(0, key.indexOf(':'));
      if (!isSessionId(id)) continue;
      const keys = keysBySession.get(id) ?? [];
      keys.push(key);
      keysBySession.set(id, keys);
    }
    let removed = 0;
    for (const [id, keys] of keysBySession) {
      let meta: SessionMetadata | undefined;
      try {
        meta = this.readMeta(bucket, id);
      } catch {
        continue; // corrupt metadata is left for a person to look at
      }
      if (meta && this.isActive(meta)) continue;
      deleteKeys(bucket, keys);
      removed++;
    }
    return removed;
  }

  /** An active session's data; an unknown, terminated or expired one is no-such-session. */
  open(id: string, storeId: string): SessionData {
    requireSessionId(id);
    const bucket = this.bucket(storeId);
    const meta = this.readMeta(bucket, id);
    if (!meta || !this.isActive(meta)) throw noSuchSession();
    return new SessionData(this, bucket, id, storeId);
  }

  private isActive(meta: SessionMetadata): boolean {
    return !meta.terminated && (meta.expires_at === undefined || this.host.nowMs() < meta.expires_at * 1000);
  }

  private update(id: string, storeId: string, change: (meta: SessionMetadata) => SessionMetadata): void {
    requireSessionId(id);
    const bucket = this.bucket(storeId);
    const meta = this.readMeta(bucket, id);
    if (!meta) throw noSuchSession();
    this.writeMeta(bucket, id, change(meta));
  }

  private bucket(storeId: string): TypedBucket {
    const name = bucketName(storeId, this.host.env);
    const open = this.buckets.get(name);
    if (open) return open;
    try {
      const bucket = TypedBucket.open(this.host.keyValue, name);
      this.buckets.set(name, bucket);
      return bucket;
    } catch (err) {
      if (toStoreError(err).tag !== 'no-such-store') throw err;
      throw new SessionFailure({ tag: 'store', val: `no such key-value store: ${JSON.stringify(name)}` });
    }
  }

  private readMeta(bucket: TypedBucket, id: string): SessionMetadata | undefined {
    const json = bucket.getAs(metaKey(id), 'as-json');
    if (json === undefined) return undefined;
    let meta: unknown;
    try {
      meta = JSON.parse(json);
    } catch {
      meta = undefined;
    }
    const m = meta as Partial<SessionMetadata> | undefined;
    if (typeof m?.terminated !== 'boolean' || (m.expires_at !== undefined && typeof m.expires_at !== 'number')) {
      throw unexpected(`metadata of session ${id} is corrupt: ${json.slice(0, 200)}`);
    }
    return m as SessionMetadata;
  }

  private writeMeta(bucket: TypedBucket, id: string, meta: SessionMetadata): void {
    bucket.setAs(metaKey(id), 'as-json', JSON.stringify(meta));
  }
}

/** Every key of a bucket. Collect first, delete after: draft's cursor is an offset, which deleting would shift. */
function allKeys(bucket: TypedBucket): string[] {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = bucket.listKeys(cursor);
    keys.push(...page.keys);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return keys;
}

function deleteKeys(bucket: TypedBucket, keys: string[]): void {
  for (let i = 0; i < keys.length; i += DELETE_BATCH) bucket.deleteMany(keys.slice(i, i + DELETE_BATCH));
}

/** One open session: its data keys live under `{id}:`. */
export class SessionData {
  constructor(
    private readonly manager: SessionManager,
    private readonly bucket: TypedBucket,
    readonly id: string,
    private readonly storeId: string,
  ) {}

  get(key: string): TypedValue | undefined {
    return this.bucket.get(this.dataKey(key));
  }

  set(key: string, value: TypedValue): void {
    const size = payloadSize(value);
    if (size > MAX_VALUE_BYTES) throw unexpected(`session value for ${key.slice(0, 64)} is ${size} bytes; the limit is ${MAX_VALUE_BYTES} (1 MiB)`);
    this.bucket.set(this.dataKey(key), value);
  }

  delete(key: string): void {
    this.bucket.delete(this.dataKey(key));
  }

  terminate(reason: string | undefined): void {
    this.manager.markTerminated(this.id, this.storeId, reason);
  }

  private dataKey(key: string): string {
    if (key === '') throw unexpected('session key must not be empty');
    const size = utf8.encode(key).length;
    if (size > MAX_KEY_BYTES) throw unexpected(`session key is ${size} bytes; the limit is ${MAX_KEY_BYTES} (1 KiB)`);
    if (key === META_KEY) throw unexpected(`session key ${META_KEY} is reserved for the session's metadata`);
    return `${this.id}:${key}`;
  }
}
