// A component's imports and exports as its binary declares them (decoded by wasm-tools through
// jco): the names composers and `wkg` index artifacts by.
import { componentWit } from '@bytecodealliance/jco';

export interface ComponentWorld {
  imports: string[];
  exports: string[];
}

export async function componentWorld(bytes: Uint8Array): Promise<ComponentWorld> {
  let wit: string;
  try {
    wit = await componentWit(bytes);
  } catch (err) {
    throw new Error(`not a WebAssembly component: ${(err as Error).message}`);
  }
  return worldItems(wit);
}

/**
 * The items of the one world in printed WIT: `import ns:pkg/iface@1.0.0;` gives its ID, and
 * `import name: func(...)` or `import name: interface { ... }` gives its plain name.
 */
export function worldItems(wit: string): ComponentWorld {
  const start = wit.search(/^world [^\s{]+ \{$/m);
  if (start < 0) throw new Error('the component has no world');
  const world: ComponentWorld = { imports: [], exports: [] };
  let depth = 0;
  for (const line of wit.slice(start).split('\n')) {
    // An ID (`wasi:io/poll@0.2.12;`) runs to the `;`; a named item stops at `name: `.
    const item = depth === 1 ? /^\s*(import|export)\s+(\S+?)(?:;|:\s)/.exec(line) : null;
    if (item) (item[1] === 'import' ? world.imports : world.exports).push(item[2]);
    depth += (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0);
    if (depth === 0 && line.includes('}')) break;
  }
  return world;
}
