#!/usr/bin/env node
// Runs the official MCP conformance suite (@modelcontextprotocol/conformance, server mode)
// against `wasmcp-ts serve` with the conformance fixture (examples/conformance), the way a user
// serves it: sessions on, SQLite key-value store in a temporary folder, several workers.
//
//   node scripts/conformance.mjs [--revision 2026-07-28] [--scenario NAME]... [--json FILE] [--fixture FILE]
//
// --revision 2026-07-28 runs the suite's 0.2 line (the dev dependency aliased
// @modelcontextprotocol/conformance-2026) with `--requirements 2026-07-28`: exactly the
// scenarios that revision requires, spoken statelessly, against its own baseline
// test/conformance/baseline-2026-07-28.yml. Without it: 0.1.16, the 2025-11-25 suite.
// --fixture serves another build of the fixture, e.g. the fused complete server
// examples/conformance/dist/draft2/conformance-server-d2.wasm (default: the draft component,
// composed with the framework pieces).
// Without --scenario it runs the suite's active scenarios, prints one line per scenario (its
// checks passed/failed/warned) and exits non-zero when a scenario fails that
// test/conformance/baseline.yml does not list, or passes although listed (the suite's
// own baseline rule); with --scenario it runs just those, and any failure is non-zero.
// --json writes the per-scenario results (read by test/conformance).
// Build the fixture first (npm run build, or node scripts/build.mjs examples/conformance).
//
// The suite needs Node 22 (fs.globSync); on Node 20 it runs with the preload in
// scripts/conformance-node20/, which supplies it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'packages/runtime/dist/cli.js');
const FIXTURE = join(root, 'examples/conformance/dist/draft/conformance.wasm');
const NODE20_PRELOAD = join(root, 'scripts/conformance-node20/register.mjs');
/** The suite and baseline of each protocol revision measured. */
const REVISIONS = {
  '2025-11-25': {
    suite: join(root, 'node_modules/@modelcontextprotocol/conformance/dist/index.js'),
    baseline: join(root, 'test/conformance/baseline.yml'),
    args: [],
    scenarioArgs: [],
  },
  '2026-07-28': {
    suite: join(root, 'node_modules/@modelcontextprotocol/conformance-2026/dist/index.js'),
    baseline: join(root, 'test/conformance/baseline-2026-07-28.yml'),
    args: ['--requirements', '2026-07-28'],
    scenarioArgs: ['--spec-version', '2026-07-28'],
  },
};

/** Starts `wasmcp-ts serve` on a free loopback port; resolves once it prints its URL. */
function serve(kvPath, fixture) {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--host', '127.0.0.1', '--port', '0', '--workers', '4', '--kv', 'sqlite', '--kv-path', kvPath, fixture],
    { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, WASMCP_SESSION_ENABLED: 'true' } },
  );
  return new Promise((resolveUrl, reject) => {
    let output = '';
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
      // The server answers from its first worker on; the suite's scenarios run concurrent streams, so wait for all.
      const url = /MCP server on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && /all \d+ workers ready/.test(output)) resolveUrl({ url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`wasmcp-ts serve exited (${code}) before it was ready:\n${output}`)));
  });
}

/** Runs the suite's server mode; resolves with its exit code. */
function runSuite(url, outputDir, scenarios, revision) {
  const { suite, baseline, args, scenarioArgs } = REVISIONS[revision];
  const base = [...(process.versions.node.split('.')[0] < 22 ? ['--import', NODE20_PRELOAD] : []), suite, 'server', '--url', url, '-o', outputDir];
  const runs = scenarios.length ? scenarios.map((s) => [...base, ...scenarioArgs, '--scenario', s]) : [[...base, ...args, '--expected-failures', baseline]];
  return runs.reduce(
    (previous, args) =>
      previous.then(
        (worst) =>
          new Promise((done) => {
            const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
            child.on('exit', (code) => done(Math.max(worst, code ?? 1)));
          }),
      ),
    Promise.resolve(0),
  );
}

/** Per scenario: how many of its checks succeeded, failed, warned (from the suite's checks.json files). */
function collectResults(outputDir) {
  const results = {};
  for (const entry of readdirSync(outputDir)) {
    const scenario = /^server-(.+)-\d{4}-\d\d-\d\dT[\d-]+Z$/.exec(entry)?.[1];
    const checksFile = join(outputDir, entry, 'checks.json');
    if (!scenario || !existsSync(checksFile)) continue;
    const checks = JSON.parse(readFileSync(checksFile, 'utf8'));
    const count = (status) => checks.filter((c) => c.status === status).length;
    results[scenario] = {
      passed: count('SUCCESS'),
      failed: count('FAILURE'),
      warnings: count('WARNING'),
      failures: checks.filter((c) => c.status === 'FAILURE').map((c) => `${c.name}: ${c.errorMessage ?? c.description}`),
    };
  }
  return results;
}

async function main() {
  const { values } = parseArgs({
    options: { scenario: { type: 'string', multiple: true, default: [] }, json: { type: 'string' }, fixture: { type: 'string' }, revision: { type: 'string', default: '2025-11-25' } },
  });
  if (!REVISIONS[values.revision]) throw new Error(`--revision must be one of ${Object.keys(REVISIONS).join(', ')}, got ${values.revision}`);
  const fixture = values.fixture ? resolve(values.fixture) : FIXTURE;
  if (!existsSync(fixture)) throw new Error(`${fixture} is missing: build it with node scripts/build.mjs examples/conformance`);
  const work = mkdtempSync(join(tmpdir(), 'wasmcp-conformance-'));
  const server = await serve(join(work, 'kv.sqlite'), fixture);
  let exitCode;
  try {
    exitCode = await runSuite(server.url, join(work, 'results'), values.scenario, values.revision);
  } finally {
    server.stop();
  }
  const results = collectResults(join(work, 'results'));
  console.log('\nconformance: per scenario (checks passed / failed / warnings)');
  for (const [scenario, r] of Object.entries(results)) {
    console.log(`  ${r.failed ? 'FAIL' : 'pass'}  ${scenario}: ${r.passed} / ${r.failed} / ${r.warnings}`);
    for (const failure of r.failures) console.log(`          ${failure}`);
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ exitCode, results }, null, 2));
  rmSync(work, { recursive: true, force: true });
  process.exitCode = exitCode;
}

main().catch((err) => {
  console.error(err?.stack ?? String(err));
  process.exitCode = 1;
});
