#!/usr/bin/env node
// `npm create @wasmcp-ts NAME` runs this: the runtime's `wasmcp-ts new NAME`, which writes the
// project (its template and version are the runtime's, so both stay one).
import { newCommand } from '@wasmcp-ts/runtime';

newCommand(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`npm create @wasmcp-ts: ${err.message}\n`);
  process.exit(1);
});
