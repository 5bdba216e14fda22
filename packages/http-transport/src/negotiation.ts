// What the request's headers allow: media types (Accept, Content-Type) and the protocol version.
import { protocolVersionFromString } from '@wasmcp-ts/protocol';

export const SUPPORTED_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];
/** MCP: without an MCP-Protocol-Version header, assume 2025-03-26. */
export const DEFAULT_HEADER_VERSION = '2025-03-26';

interface MediaRange {
  type: string;
  q: number;
}

function mediaRanges(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map((part) => {
      const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { type: type ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.type && r.q > 0);
}

function accepts(ranges: MediaRange[], type: string): boolean {
  const [major] = type.split('/');
  return ranges.some((r) => r.type === type || r.type === `${major}/*` || r.type === '*/*');
}

export interface AcceptedResponses {
  json: boolean;
  sse: boolean;
}

export function acceptedResponses(accept: string | undefined): AcceptedResponses {
  const ranges = mediaRanges(accept ?? '');
  return { json: accepts(ranges, 'application/json'), sse: accepts(ranges, 'text/event-stream') };
}

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type] = contentType.split(';');
  return type.trim().toLowerCase() === 'application/json';
}

/** Whether a request's MCP-Protocol-Version names a 2025-era (handshake) version. */
export function isLegacyHeaderVersion(version: string): boolean {
  return SUPPORTED_VERSIONS.includes(version);
}

/** The protocol version a request's header names, or an error naming the supported ones. */
export function headerProtocolVersion(header: string | undefined): { ok: true; version: string } | { ok: false; message: string } {
  const version = header?.trim() || DEFAULT_HEADER_VERSION;
  if (protocolVersionFromString(version) && SUPPORTED_VERSIONS.includes(version)) return { ok: true, version };
  return { ok: false, message: `Unsupported MCP-Protocol-Version: ${version}. Supported versions: ${SUPPORTED_VERSIONS.join(', ')}` };
}
