export { compose, planChain, instantiatePlan, unversioned, CAPABILITIES, MCP, SERVER_HANDLER } from './compose.js';
export type { Capability, ComposeOptions, ComposedChain, ChainPlan, ServerHandlerExport } from './compose.js';
export { loadComponentFile, loadComponentBytes, defaultCacheDir } from './component-cache.js';
export type { LoadedComponent } from './component-cache.js';
export { frameworkArtifact, artifactFileName } from './framework.js';
export type { FrameworkComponent } from './framework.js';
export { MemoryBackend } from './keyvalue/memory.js';
export { KeyValueError, type KeyValueBackend } from './keyvalue/backend.js';
export { keyValueImports, type KeyValueVariant } from './keyvalue/wasi-host.js';
