// The contract's interface names the host composes by; a module of its own so that the main
// thread can tell components apart without loading the composition (WASI, the hosted pieces).
export const MCP = 'wasmcp:mcp-v20251125';
export const SERVER_HANDLER = `${MCP}/server-handler`;
export const SERVER_IO = `${MCP}/server-io`;
export const CAPABILITIES = ['tools', 'resources', 'prompts', 'completions'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Strips the `@version` of an interface name: import-object keys are unversioned. */
export function unversioned(name: string): string {
  const at = name.indexOf('@');
  return at < 0 ? name : name.slice(0, at);
}
