// What a worker thread that runs engines (component instances) is started with.
import type { ResourceLimits } from 'node:worker_threads';

/**
 * A tool's JavaScript runs in its engine's heap, in linear memory; V8's heap in such a worker
 * holds only jco's glue, the runtime and the host-side pieces, whose objects live for one call.
 * V8's default young generation grows to about 30 MB per worker under load and keeps it: 4 MB
 * serves as many requests per second (bench: 90 MB less peak RSS with 4 workers).
 */
export const ENGINE_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4 };
