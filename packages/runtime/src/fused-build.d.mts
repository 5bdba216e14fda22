// Types of fused-build.mjs (plain JavaScript so scripts/build.mjs can run it unbuilt).

export declare const TRANSPORTS: readonly ['http', 'stdio'];
export declare const AUTH_MODES: readonly ['public', 'oauth'];

export interface ServerSettings {
  transport: 'http' | 'stdio';
  auth: 'public' | 'oauth';
  sessions: boolean;
  /** Absolute paths of the capability modules, in chain order. */
  modules: string[];
  features: string[];
}

/** Checks settings (package.json's `wasmcp.server` or the CLI's); relative modules resolve against baseDir. */
export declare function serverSettings(input: Record<string, unknown>, baseDir: string): ServerSettings;

/** package.json's `wasmcp.server` (an object or a list), each with its artifact name. */
export declare function declaredServers(
  declared: unknown,
  project: { name: string; entry: string | undefined; baseDir: string },
): { artifact: string; settings: ServerSettings }[];

/** What the package in pkgDir builds: framework artifacts, its component, its complete servers. */
export declare function plannedArtifacts(pkgDir: string): Promise<{
  config: import('./component-build.mjs').ComponentConfig;
  frameworks: { artifact: string; transport: 'http' | 'stdio' }[];
  component: string | undefined;
  servers: { artifact: string; settings: ServerSettings }[];
}>;

export interface FusedBuildOptions {
  artifact: string;
  witRoot: string;
  outDir: string;
  log?: (line: string) => void;
}

/** A complete server.wasm from capability modules; returns the draft and draft2 paths. */
export declare function buildServer(options: FusedBuildOptions & { settings: ServerSettings }): Promise<[string, string]>;
/** The fused framework (transport + sessions + authorization) importing server-handler. */
export declare function buildFramework(options: FusedBuildOptions & { transport: 'http' | 'stdio' }): Promise<[string, string]>;
