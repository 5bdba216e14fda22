// The fused complete servers the bench compares with the composed chains: the same test-tools
// module with the framework in one engine, built into the run's scratch folder with the
// pipeline of `wasmcp-ts build --server` (so a bench never measures a stale artifact).
import { join } from 'node:path';
import { buildServer, serverSettings } from '../../packages/runtime/src/fused-build.mjs';
import { ROOT } from './servers.mjs';

const MODULE = join(ROOT, 'test/fixtures/test-tools/src/component.ts');

/** (e) public over HTTP, (f) sessions + oauth over HTTP, and the public stdio server. */
const FUSED = {
  public: { transport: 'http', sessions: false, auth: 'public' },
  full: { transport: 'http', sessions: true, auth: 'oauth' },
  stdio: { transport: 'stdio', sessions: false, auth: 'public' },
};

/** Builds them; resolves to the draft artifact of each, by key. */
export async function buildFusedServers(scratch) {
  const out = {};
  for (const [key, settings] of Object.entries(FUSED)) {
    const [draft] = await buildServer({
      artifact: `test-tools-${key}-server`,
      settings: serverSettings({ ...settings, modules: [MODULE] }, ROOT),
      witRoot: join(ROOT, 'wit'),
      outDir: join(scratch, 'fused'),
      log: () => {},
    });
    out[key] = draft;
  }
  return out;
}
