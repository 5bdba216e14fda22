// Types of redis.mjs for the TypeScript tests that start Redis.
export interface RedisInstance {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  dir: string;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function ensureRedisServer(): Promise<void>;
export function startRedis(): Promise<RedisInstance>;
