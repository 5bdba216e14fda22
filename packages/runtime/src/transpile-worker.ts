// A throwaway thread for one jco transpile: jco's own engines take hundreds of MB and never
// give them back, so they must not stay in a thread that serves (or in the main thread).
import { parentPort, workerData } from 'node:worker_threads';

export interface TranspileJob {
  bytes: Uint8Array;
}

export type TranspileOutcome =
  | { ok: true; files: Record<string, Uint8Array>; imports: string[]; exports: string[] }
  | { ok: false; message: string };

async function transpileJob({ bytes }: TranspileJob): Promise<TranspileOutcome> {
  const { transpile } = await import('@bytecodealliance/jco');
  try {
    const result = await transpile(bytes, { name: 'component', instantiation: 'async', noTypescript: true, quiet: true });
    return { ok: true, files: result.files as Record<string, Uint8Array>, imports: result.imports, exports: result.exports.map(([name]) => name) };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

transpileJob(workerData as TranspileJob).then((outcome) => parentPort?.postMessage(outcome));
