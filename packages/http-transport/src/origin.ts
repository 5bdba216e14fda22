// DNS-rebinding protection (MCP 2025-11-25, transports): an Origin that is present and not
// allowed is refused with 403; the Host header is held to the same list, since a rebinding
// attack reaches a loopback server under a foreign host name.
import type { TransportConfig } from './config.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function hostOf(authority: string): string {
  const bracket = /^\[[^\]]+\]/.exec(authority);
  if (bracket) return bracket[0];
  const colon = authority.lastIndexOf(':');
  return (colon < 0 ? authority : authority.slice(0, colon)).toLowerCase();
}

export function isOriginAllowed(origin: string, config: TransportConfig): boolean {
  if (config.allowedOrigins.includes('*') || config.allowedOrigins.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
}

export function isHostAllowed(host: string, config: TransportConfig): boolean {
  if (LOOPBACK_HOSTS.has(hostOf(host))) return true;
  if (config.allowedOrigins.includes('*')) return true;
  return config.allowedOrigins.some((origin) => {
    try {
      return new URL(origin).host.toLowerCase() === host.toLowerCase();
    } catch {
      return false;
    }
  });
}
