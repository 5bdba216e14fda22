// The official MCP conformance suite (@modelcontextprotocol/conformance 0.1.16, server mode)
// against `wasmcp-ts serve` with the conformance fixture (examples/conformance), through
// scripts/conformance.mjs: composed from the framework pieces, as the fused complete server
// (both variants), and as one file written by `wasmcp-ts compose server`. Every scenario the suite runs for 2025-11-25 must pass, except those
// test/conformance/baseline.yml lists, each with its reason.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** The active server scenarios of the suite for 2025-11-25 (it marks server-sse-polling and json-schema-2020-12 pending). */
const REQUIRED = [
  'server-initialize',
  'ping',
  'logging-set-level',
  'completion-complete',
  'tools-list',
  'tools-call-simple-text',
  'tools-call-image',
  'tools-call-audio',
  'tools-call-embedded-resource',
  'tools-call-mixed-content',
  'tools-call-with-logging',
  'tools-call-error',
  'tools-call-with-progress',
  'tools-call-sampling',
  'tools-call-elicitation',
  'elicitation-sep1034-defaults',
  'elicitation-sep1330-enums',
  'server-sse-multiple-streams',
  'resources-list',
  'resources-read-text',
  'resources-read-binary',
  'resources-templates-read',
  'resources-subscribe',
  'resources-unsubscribe',
  'prompts-list',
  'prompts-get-simple',
  'prompts-get-with-args',
  'prompts-get-embedded-resource',
  'prompts-get-with-image',
  'dns-rebinding-protection',
];

interface ScenarioResult {
  passed: number;
  failed: number;
  failures: string[];
}

const expectedFailures = readFileSync(join(root, 'test/conformance/baseline.yml'), 'utf8')
  .split('\n')
  .map((line) => /^\s*-\s*(\S+)/.exec(line)?.[1])
  .filter((name): name is string => name !== undefined);

/** The fixture as one file made by `wasmcp-ts compose server` (Spin's draft2 pieces, the default). */
async function composedFixture(work: string): Promise<string> {
  const output = join(work, 'conformance-composed.wasm');
  const source = join(root, 'examples/conformance/dist/draft2/conformance-d2.wasm');
  await promisify(execFile)(process.execPath, [join(root, 'packages/runtime/dist/cli.js'), 'compose', 'server', source, '-o', output], { cwd: root });
  return output;
}

const FIXTURES: Array<[string, (work: string) => string | Promise<string>]> = [
  ['pieces', () => join(root, 'examples/conformance/dist/draft/conformance.wasm')],
  ['fused, draft', () => join(root, 'examples/conformance/dist/draft/conformance-server.wasm')],
  ['fused, draft2', () => join(root, 'examples/conformance/dist/draft2/conformance-server-d2.wasm')],
  ['composed by wasmcp-ts compose, draft2', composedFixture],
];

describe.each(FIXTURES)('the official MCP conformance suite against wasmcp-ts serve (%s)', (_build, fixture) => {
  let work: string;
  let run: { exitCode: number; results: Record<string, ScenarioResult> };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'conformance-test-'));
    const json = join(work, 'results.json');
    // The script's exit code is the suite's verdict against the baseline; the assertions below read the results.
    const args = [join(root, 'scripts/conformance.mjs'), '--json', json, '--fixture', await fixture(work)];
    await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch(() => {});
    run = JSON.parse(readFileSync(json, 'utf8'));
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs every required scenario', () => {
    expect(Object.keys(run.results).sort()).toEqual([...REQUIRED].sort());
  });

  it('lists only required scenarios as expected failures', () => {
    expect(REQUIRED).toEqual(expect.arrayContaining(expectedFailures));
  });

  for (const scenario of REQUIRED) {
    it(`${scenario}: ${expectedFailures.includes(scenario) ? 'fails as the baseline expects' : 'passes every check'}`, () => {
      const result = run.results[scenario];
      if (expectedFailures.includes(scenario)) {
        expect(result.failed).toBeGreaterThan(0);
      } else {
        expect(result.failures).toEqual([]);
        expect(result.passed).toBeGreaterThan(0);
      }
    });
  }

  it('agrees with the suite: no unexpected failure, no stale baseline entry', () => {
    expect(run.exitCode).toBe(0);
  });
});
