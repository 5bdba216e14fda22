// WASI for components from preview2-shim, with an environment of our choosing.
import { WASIShim } from '@bytecodealliance/preview2-shim/instantiation';

export interface WasiOptions {
  env?: Record<string, string>;
}

export function wasiImports(options: WasiOptions = {}): Record<string, unknown> {
  const shim = new WASIShim({ sandbox: { env: options.env ?? {} } });
  return shim.getImportObject() as Record<string, unknown>;
}
