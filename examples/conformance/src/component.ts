// The fixture of the official MCP conformance suite (@modelcontextprotocol/conformance) as one
// ordinary component: `wasmcp-ts serve` wraps it in the tools, resources, prompts and
// completions middleware like any other (see scripts/conformance.mjs).
export { tools } from './tools.js';
export { resources } from './resources.js';
export { prompts } from './prompts.js';
export { completions } from './completions.js';
