#!/usr/bin/env node
// Test launcher for `wasmcp-ts stdio` until the CLI has the command:
//   node launch.mjs <draft|draft2> <component.wasm>...
// WASMCP_* variables of this process are the components' environment. The chain is the
// separate pieces, so that these tests run the stdio-transport artifact itself.
import { runStdio } from '../../dist/index.js';

const [variant, ...components] = process.argv.slice(2);
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('WASMCP_')));
const started = performance.now();
try {
  const status = await runStdio({ components, variant, env, frameworkBuild: 'pieces' });
  process.stderr.write(`launch: exit ${status} after ${Math.round(performance.now() - started)} ms\n`);
  process.exit(status);
} catch (err) {
  process.stderr.write(`launch: ${err.message}\n`);
  process.exit(1);
}
