// initialize: implementation info, capabilities, protocol version.
//
// Capabilities in WIT are coarser than in JSON:
// - server `list-changed` flags mean `{<cap>: {listChanged: true}}` (how upstream's transport
//   advertises a capability it found downstream); `subscriptions.resources` is
//   `resources.subscribe`. A JSON capability without listChanged/subscribe (`"tools": {}`) has
//   no WIT form and is dropped, as is `tasks`.
// - client `list-changed` present means `roots` is declared; its `roots` flag is listChanged.
//   Sampling `tools`/`context` are objects in JSON, booleans in WIT.
import { encodeIcons, optIcons } from './content.js';
import { LATEST_PROTOCOL_VERSION, protocolVersionFromString, protocolVersionToString } from './enums.js';
import {
  get,
  optMeta,
  optObjectText,
  optRecord,
  optString,
  options,
  reqRecord,
  reqString,
  type Obj,
} from './fields.js';
import { jsonObject, setOwn, stringifyJson, type JsonObject } from './json.js';
import { jsonTextValue, optJsonTextValue } from './json-text.js';
import type {
  ClientCapabilities,
  Implementation,
  InitializeRequest,
  InitializeResult,
  Json,
  ProtocolVersion,
  ServerCapabilities,
} from './wit/wasmcp-mcp-v20251125-mcp.js';

/** `websiteUrl` has no WIT field and is dropped. */
export function decodeImplementation(o: Obj, path: string): Implementation {
  return {
    name: reqString(o, 'name', path),
    title: optString(o, 'title', path),
    version: reqString(o, 'version', path),
    description: optString(o, 'description', path),
    icons: optIcons(o, path),
  };
}

export function encodeImplementation(i: Implementation): JsonObject {
  return jsonObject({ name: i.name, title: i.title, version: i.version, description: i.description, icons: encodeIcons(i.icons) });
}

function decodeExperimental(o: Obj, path: string): Array<[string, Json]> | undefined {
  return optRecord(o, 'experimental', path, (exp) => Object.keys(exp).map((k): [string, Json] => [k, stringifyJson(exp[k])]));
}

function encodeExperimental(entries: Array<[string, Json]> | undefined, path: string): JsonObject | undefined {
  if (entries === undefined) return undefined;
  const out: JsonObject = {};
  for (const [key, value] of entries) setOwn(out, key, jsonTextValue(value, `${path}.experimental.${key}`));
  return out;
}

function listChanged(o: Obj, key: string, path: string): boolean {
  return optRecord(o, key, path, (cap) => get(cap, 'listChanged') === true) ?? false;
}

export function decodeServerCapabilities(o: Obj, path: string): ServerCapabilities {
  const lists = { tools: listChanged(o, 'tools', path), resources: listChanged(o, 'resources', path), prompts: listChanged(o, 'prompts', path) };
  const subscribe = optRecord(o, 'resources', path, (r) => get(r, 'subscribe') === true) ?? false;
  return {
    completions: optObjectText(o, 'completions', path),
    experimental: decodeExperimental(o, path),
    logging: optObjectText(o, 'logging', path),
    listChanged: lists.tools || lists.resources || lists.prompts ? lists : undefined,
    subscriptions: subscribe ? { resources: true } : undefined,
  };
}

export function encodeServerCapabilities(c: ServerCapabilities, path: string): JsonObject {
  const lists = c.listChanged;
  const subscribe = c.subscriptions?.resources === true;
  const resourcesListChanged = lists?.resources === true;
  return jsonObject({
    experimental: encodeExperimental(c.experimental, path),
    logging: optJsonTextValue(c.logging, `${path}.logging`),
    completions: optJsonTextValue(c.completions, `${path}.completions`),
    prompts: lists?.prompts ? { listChanged: true } : undefined,
    resources:
      subscribe || resourcesListChanged
        ? jsonObject({ subscribe: subscribe || undefined, listChanged: resourcesListChanged || undefined })
        : undefined,
    tools: lists?.tools ? { listChanged: true } : undefined,
  });
}

/** A sampling sub-capability is declared by its presence (`{}`); `false` reads as not declared. */
function declared(o: Obj, key: string): boolean | undefined {
  const v = get(o, key);
  return v === undefined || v === null ? undefined : v !== false;
}

export function decodeClientCapabilities(o: Obj, path: string): ClientCapabilities {
  return {
    elicitation: optObjectText(o, 'elicitation', path),
    experimental: decodeExperimental(o, path),
    listChanged: optRecord(o, 'roots', path, (roots) => ({ roots: get(roots, 'listChanged') === true })),
    sampling: optRecord(o, 'sampling', path, (s) => ({ tools: declared(s, 'tools'), context: declared(s, 'context') })),
  };
}

export function encodeClientCapabilities(c: ClientCapabilities, path: string): JsonObject {
  return jsonObject({
    experimental: encodeExperimental(c.experimental, path),
    roots: c.listChanged && (c.listChanged.roots ? { listChanged: true } : {}),
    sampling: c.sampling && jsonObject({ context: c.sampling.context ? {} : undefined, tools: c.sampling.tools ? {} : undefined }),
    elicitation: optJsonTextValue(c.elicitation, `${path}.elicitation`),
  });
}

/** A version WIT lacks reads as the latest; the caller gets the raw string to negotiate with. */
function decodeVersion(o: Obj, path: string): { version: ProtocolVersion; raw: string } {
  const raw = reqString(o, 'protocolVersion', path);
  return { version: protocolVersionFromString(raw) ?? LATEST_PROTOCOL_VERSION, raw };
}

export function decodeInitializeRequest(params: Obj): { request: InitializeRequest; rawProtocolVersion: string } {
  const { version, raw } = decodeVersion(params, 'params');
  return {
    request: {
      protocolVersion: version,
      capabilities: reqRecord(params, 'capabilities', 'params', decodeClientCapabilities),
      clientInfo: reqRecord(params, 'clientInfo', 'params', decodeImplementation),
    },
    rawProtocolVersion: raw,
  };
}

export function encodeInitializeRequest(r: InitializeRequest): JsonObject {
  return {
    protocolVersion: protocolVersionToString(r.protocolVersion),
    capabilities: encodeClientCapabilities(r.capabilities, 'params.capabilities'),
    clientInfo: encodeImplementation(r.clientInfo),
  };
}

export function decodeInitializeResult(result: Obj): { result: InitializeResult; rawProtocolVersion: string } {
  const { version, raw } = decodeVersion(result, 'result');
  return {
    result: {
      meta: optMeta(result, 'result'),
      serverInfo: reqRecord(result, 'serverInfo', 'result', decodeImplementation),
      capabilities: reqRecord(result, 'capabilities', 'result', decodeServerCapabilities),
      protocolVersion: version,
      options: options({ instructions: optString(result, 'instructions', 'result'), meta: undefined }),
    },
    rawProtocolVersion: raw,
  };
}

/** The result has `meta` twice in WIT (record and options); the record's wins. */
export function encodeInitializeResult(r: InitializeResult): JsonObject {
  return jsonObject({
    protocolVersion: protocolVersionToString(r.protocolVersion),
    capabilities: encodeServerCapabilities(r.capabilities, 'result.capabilities'),
    serverInfo: encodeImplementation(r.serverInfo),
    instructions: r.options?.instructions,
    _meta: optJsonTextValue(r.meta ?? r.options?.meta, 'result.meta'),
  });
}
