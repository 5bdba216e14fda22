// Module-resolution hook (registered by register.mjs): `fs` / `node:fs` imported from the
// conformance packages (0.1.x, and 0.2.x under its alias conformance-2026) resolves to fs.mjs;
// every other import resolves as usual.
const FS_WITH_GLOB = new URL('./fs.mjs', import.meta.url).href;
const SUITE = /\/node_modules\/@modelcontextprotocol\/conformance(-2026)?\//;

export async function resolve(specifier, context, nextResolve) {
  if ((specifier === 'fs' || specifier === 'node:fs') && SUITE.test(context.parentURL ?? '')) {
    return { url: FS_WITH_GLOB, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
