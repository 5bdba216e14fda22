// Per-hop cost, in process and without HTTP: the same tools chain composed once directly and
// once behind the passthrough fixture (a middleware that only delegates), its server-handler
// called with the same tools/call; the difference of the medians is what one hop adds.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { compose } from '../../packages/runtime/dist/index.js';
import { percentile } from './load.mjs';
import { ROOT, TEST_TOOLS } from './servers.mjs';

const PASSTHROUGH_DIR = join(ROOT, 'bench/fixtures/passthrough');
const PASSTHROUGH = join(PASSTHROUGH_DIR, 'dist/draft/passthrough.wasm');
const CALLS_PER_ROUND = 200;

const echoCall = {
  tag: 'request',
  val: [
    { tag: 'number', val: 1n },
    { tag: 'tools-call', val: { name: 'echo', arguments: '{"text":"hello"}' } },
  ],
};
const context = { protocolVersion: '2025-11-25', frame: { prefix: new Uint8Array(), suffix: new Uint8Array() } };

/** The fixture is not part of the workspace build: built here the first time. */
function passthroughArtifact() {
  if (!existsSync(PASSTHROUGH)) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), PASSTHROUGH_DIR], { stdio: 'inherit' });
  return PASSTHROUGH;
}

function callOnce(chain) {
  const answer = chain.handler.handle(context, echoCall);
  if (answer?.tag !== 'ok') throw new Error(`the chain answered tools/call with ${JSON.stringify(answer, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
}

/** Rounds of calls into each chain for `seconds`; rounds alternate the order, so drift in the machine's load hits both alike. */
function sampleCalls(chains, seconds) {
  const samples = { direct: [], hopped: [] };
  const deadline = performance.now() + seconds * 1000;
  for (let round = 0; performance.now() < deadline; round++) {
    for (const name of round % 2 ? ['hopped', 'direct'] : ['direct', 'hopped']) {
      for (let i = 0; i < CALLS_PER_ROUND; i++) {
        const started = performance.now();
        callOnce(chains[name]);
        samples[name].push(performance.now() - started);
      }
    }
  }
  return samples;
}

export async function measureHop({ seconds, warmupSeconds }) {
  const chains = {
    direct: await compose({ components: [TEST_TOOLS] }),
    hopped: await compose({ components: [passthroughArtifact(), TEST_TOOLS] }),
  };
  sampleCalls(chains, warmupSeconds);
  const samples = sampleCalls(chains, seconds);
  const p50 = (name) => percentile(samples[name].sort((x, y) => x - y), 0.5);
  return { calls: samples.direct.length, directP50Ms: p50('direct'), hoppedP50Ms: p50('hopped'), hopMs: p50('hopped') - p50('direct') };
}
