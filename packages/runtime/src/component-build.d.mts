// Types of component-build.mjs (plain JavaScript so scripts/build.mjs can run it unbuilt).

export declare const FEATURES: readonly string[];
export declare const EXPORTED_INTERFACES: Readonly<Record<'tools' | 'resources' | 'prompts' | 'completions' | 'serverHandler', string>>;

export interface ComponentConfig {
  name: string;
  artifact: string;
  entry: string;
  worldFile: string | undefined;
  features: string[];
  patchRandomGet: boolean;
  /** `wasmcp.server`: the settings of a fused complete server (see fused-build.mjs), unchecked. */
  server: Record<string, unknown> | undefined;
  /** `wasmcp.framework`: the transports to build fused framework artifacts for. */
  framework: string[] | undefined;
}

export declare function readComponentConfig(pkgDir: string): Promise<ComponentConfig>;

/** What every build of both variants takes. */
interface VariantsOptions {
  artifact: string;
  features?: string[];
  /** Holds the contract's WIT: mcp/, keyvalue/, auth/ and deps/. */
  witRoot: string;
  /** Gets draft/ARTIFACT.wasm and draft2/ARTIFACT-d2.wasm. */
  outDir: string;
  postProcess?: (component: Uint8Array) => Uint8Array;
  log?: (line: string) => void;
}

export interface BuildOptions extends VariantsOptions {
  entry: string;
  /** The package's world; without it the world is derived from the bundle. */
  worldFile?: string;
}

/** Builds both variants; returns the draft and draft2 artifact paths. */
export declare function buildComponent(options: BuildOptions): Promise<[string, string]>;

/** Componentizes one bundle against `worldText` (`source` names its origin in errors) in both variants. */
export declare function componentizeVariants(options: VariantsOptions & { bundle: string; worldText: string; source: string }): Promise<[string, string]>;
export declare function freshWorkDir(outDir: string): Promise<string>;
export declare function witName(artifact: string): string;
export declare const COMPONENT_BUNDLE: Record<string, unknown>;
