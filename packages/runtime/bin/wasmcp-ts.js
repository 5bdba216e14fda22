#!/usr/bin/env node
// The command npm links as `wasmcp-ts`. It must exist when `npm ci` runs, before the first
// build writes dist/ (npm links no bin whose file is missing), so it only loads the built CLI.
import '../dist/cli.js';
