// A throwaway process for one jco transpile: jco's own engines take hundreds of MB and never
// give them back, so they must not stay in a process that serves, and a process of its own is
// also free of the server's cap on wasm memory (--wasm-max-mem-pages), which a large component
// (a composition holding a dozen engines) needs jco to exceed while it transpiles.
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

process.once('message', (job: TranspileJob) => {
  void transpileJob(job).then((outcome) => process.send?.(outcome, () => process.disconnect()));
});
