// The message frames transports hand down the chain (server-io's `message-frame`), and the
// session's minimum log level, which rides in the SSE frame: server-io sees only the stream,
// the message and the frame, so the frame is the one place a transport can tell it. The level
// travels as an SSE comment line (`: log-level=warning`), which every SSE client ignores, so a
// server-io that knows nothing of it still writes valid SSE.
import { LOG_LEVELS } from './enums.js';
import type { LogLevel } from './wit/wasmcp-mcp-v20251125-mcp.js';
import type { MessageFrame } from './wit/wasmcp-mcp-v20251125-server-io.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Streamable HTTP, text/event-stream: one `data:` event per message. */
export const SSE_FRAME: MessageFrame = { prefix: encoder.encode('data: '), suffix: encoder.encode('\n\n') };
/** A plain JSON response: the one reply, buffered; notifications cannot be delivered. */
export const NO_FRAME: MessageFrame = { prefix: new Uint8Array(), suffix: new Uint8Array() };

/** Plain JSON responses carry no frame (upstream's rule for buffering and dropping notifications). */
export function isUnframed(frame: MessageFrame): boolean {
  return frame.prefix.length === 0 && frame.suffix.length === 0;
}

const LEVEL_COMMENT = /^: log-level=([a-z]+)\n/;

/** The SSE frame for a session whose client asked (logging/setLevel) for `level` and above. */
export function sseFrameWithLogLevel(level: LogLevel): MessageFrame {
  return { prefix: encoder.encode(`: log-level=${level}\ndata: `), suffix: SSE_FRAME.suffix };
}

/** The minimum log level a frame carries, if any. */
export function frameLogLevel(frame: MessageFrame): LogLevel | undefined {
  if (frame.prefix[0] !== 0x3a) return undefined; // ':' starts an SSE comment
  const level = LEVEL_COMMENT.exec(decoder.decode(frame.prefix))?.[1];
  return level === undefined ? undefined : logLevelFromString(level);
}

/** A log level by its MCP name (as logging/setLevel sends it). */
export function logLevelFromString(text: string): LogLevel | undefined {
  return LOG_LEVELS.find((l) => l === text);
}

/** Whether a message at `level` reaches a client that set `minimum` (RFC 5424 order). */
export function isLogLevelEnabled(level: LogLevel, minimum: LogLevel | undefined): boolean {
  return minimum === undefined || LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(minimum);
}
