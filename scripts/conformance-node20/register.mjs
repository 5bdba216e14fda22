// Preload (`node --import`) that lets @modelcontextprotocol/conformance run on Node 20: the suite
// imports `globSync` from `node:fs`, which Node has only from 22, so its module fails to link.
// The hook below hands the suite's modules `./fs.mjs` (node:fs plus a globSync) instead.
// On Node 22+ it changes nothing.
import fs from 'node:fs';
import { register } from 'node:module';

if (typeof fs.globSync !== 'function') register('./hooks.mjs', import.meta.url);
