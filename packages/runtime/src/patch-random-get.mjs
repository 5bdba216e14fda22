// Makes the engine's own crypto usable inside a componentize-js 0.23 component.
//
// StarlingMonkey's OpenSSL seeds its RNG through preview1 `random_get`, which componentize-js
// leaves as a stub whose body is `unreachable` (ComponentizeJS issue #334): every RSA or EC
// `crypto.subtle.importKey` traps and kills the instance. This rewrites that stub, inside the
// built component, into a loop that fills the buffer from `wasi:random/random#get-random-u64`,
// which the engine's core module already imports when the `random` feature is on. Nothing else
// in the component changes: the other sections are copied byte for byte.
//
// Opt-in per package: { "wasmcp": { "patchRandomGet": true, "features": ["random", ...] } }.

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const COMPONENT_CORE_MODULE_SECTION = 1;
const SECTION = { custom: 0, type: 1, import: 2, function: 3, code: 10 };
const STUB_NAME = 'random_get';
const RANDOM_U64 = /^wasi:random\/random@0\.2\.\d+$/;

function readU32(bytes, offset) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, offset];
    shift += 7;
    if (shift > 35) throw new Error('LEB128 value too long');
  }
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

function readName(bytes, offset) {
  const [length, start] = readU32(bytes, offset);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

/** The top-level sections of a module or component: [{ id, start, end }] of their payloads. */
function sections(bytes) {
  const out = [];
  for (let offset = 8; offset < bytes.length; ) {
    const id = bytes[offset];
    const [size, start] = readU32(bytes, offset + 1);
    out.push({ id, headerStart: offset, start, end: start + size });
    offset = start + size;
  }
  return out;
}

/** The parts one after the other (a Node build script: Buffer does it). */
const concat = (parts) => new Uint8Array(Buffer.concat(parts));

function section(id, payload) {
  return concat([Uint8Array.of(id, ...u32(payload.length)), payload]);
}

/** Facts about one core module needed for the patch, or undefined when it has no stub. */
function inspectModule(module) {
  const all = sections(module);
  let importedFunctions = 0;
  let randomU64;
  let stubIndex;
  const importSection = all.find((s) => s.id === SECTION.import);
  if (importSection) {
    let [count, offset] = readU32(module, importSection.start);
    for (let i = 0; i < count; i++) {
      let moduleName, fieldName;
      [moduleName, offset] = readName(module, offset);
      [fieldName, offset] = readName(module, offset);
      const kind = module[offset++];
      switch (kind) {
        case 0x00: {
          if (RANDOM_U64.test(moduleName) && fieldName === 'get-random-u64') randomU64 = importedFunctions;
          importedFunctions++;
          [, offset] = readU32(module, offset);
          break;
        }
        case 0x01: // table: reftype + limits
          offset += 1;
          offset = skipLimits(module, offset);
          break;
        case 0x02: // memory: limits
          offset = skipLimits(module, offset);
          break;
        case 0x03: // global: valtype + mutability
          offset += 2;
          break;
        case 0x04: // tag: attribute + type index
          [, offset] = readU32(module, offset + 1);
          break;
        default:
          throw new Error(`unknown import kind 0x${kind.toString(16)}`);
      }
    }
  }
  for (const s of all) {
    if (s.id !== SECTION.custom) continue;
    let [name, offset] = readName(module, s.start);
    if (name !== 'name') continue;
    while (offset < s.end) {
      const subId = module[offset];
      const [size, start] = readU32(module, offset + 1);
      if (subId === 1) {
        let [count, at] = readU32(module, start);
        for (let i = 0; i < count; i++) {
          let index, fn;
          [index, at] = readU32(module, at);
          [fn, at] = readName(module, at);
          if (fn === STUB_NAME) stubIndex = index;
        }
      }
      offset = start + size;
    }
  }
  if (stubIndex === undefined) return undefined;
  return { all, importedFunctions, randomU64, stubIndex };
}

function skipLimits(bytes, offset) {
  const flags = bytes[offset++];
  [, offset] = readU32(bytes, offset);
  if (flags & 0x01) [, offset] = readU32(bytes, offset);
  return offset;
}

// random_get(buf: i32, len: i32) -> errno: for i in 0..len, a fresh u64 every 8 bytes,
// stored one byte at a time (no alignment assumptions about buf); returns 0 (success).
function replacementBody(randomU64) {
  const body = [
    0x02, 0x01, 0x7f, 0x01, 0x7e, // locals: i (i32, local 2), r (i64, local 3)
    0x02, 0x40, // block
    0x03, 0x40, //   loop
    0x20, 0x02, 0x20, 0x01, 0x4f, 0x0d, 0x01, // if i >= len: break
    0x20, 0x02, 0x41, 0x07, 0x71, 0x45, 0x04, 0x40, // if (i & 7) == 0
    0x10, ...u32(randomU64), 0x21, 0x03, //   r = get-random-u64()
    0x0b, // end if
    0x20, 0x00, 0x20, 0x02, 0x6a, 0x20, 0x03, 0x3c, 0x00, 0x00, // *(u8*)(buf + i) = r
    0x20, 0x03, 0x42, 0x08, 0x88, 0x21, 0x03, // r >>= 8
    0x20, 0x02, 0x41, 0x01, 0x6a, 0x21, 0x02, // i += 1
    0x0c, 0x00, // continue
    0x0b, // end loop
    0x0b, // end block
    0x41, 0x00, // errno 0
    0x0b,
  ];
  return Uint8Array.from([...u32(body.length), ...body]);
}

function patchModule(module, facts) {
  if (facts.randomU64 === undefined) {
    throw new Error('the engine does not import wasi:random/random#get-random-u64: add "random" to wasmcp.features');
  }
  const definedIndex = facts.stubIndex - facts.importedFunctions;
  const code = facts.all.find((s) => s.id === SECTION.code);
  let [count, offset] = readU32(module, code.start);
  const bodies = [];
  for (let i = 0; i < count; i++) {
    const [size, start] = readU32(module, offset);
    bodies.push({ from: offset, start, end: start + size });
    offset = start + size;
  }
  const stub = bodies[definedIndex];
  const stubBody = Array.from(module.subarray(stub.start, stub.end));
  // A stub is `(func unreachable)`: no locals, `unreachable`, `end`.
  if (stubBody.join(',') !== '0,0,11') {
    throw new Error(`${STUB_NAME} is not the trapping stub this patch expects (body ${stubBody.join(',')}); has componentize-js changed?`);
  }
  const newCode = section(
    SECTION.code,
    concat([module.subarray(code.start, stub.from), replacementBody(facts.randomU64), module.subarray(stub.end, code.end)]),
  );
  return concat([module.subarray(0, code.headerStart), newCode, module.subarray(code.end)]);
}

/** Returns the component with its `random_get` stub made real; throws if there is none. */
export function patchRandomGet(component) {
  if (!WASM_MAGIC.every((b, i) => component[i] === b)) throw new Error('not a WebAssembly binary');
  const parts = [component.subarray(0, 8)];
  let patched = 0;
  for (const s of sections(component)) {
    if (s.id === COMPONENT_CORE_MODULE_SECTION) {
      const module = component.subarray(s.start, s.end);
      const facts = inspectModule(module);
      if (facts) {
        parts.push(section(COMPONENT_CORE_MODULE_SECTION, patchModule(module, facts)));
        patched++;
        continue;
      }
    }
    parts.push(component.subarray(s.headerStart, s.end));
  }
  if (patched !== 1) throw new Error(`expected one core module with a ${STUB_NAME} stub, found ${patched}`);
  return concat(parts);
}
