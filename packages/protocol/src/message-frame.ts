// The message frames transports hand down the chain (server-io's `message-frame`), and the
// client's minimum log level, which rides in the frame: server-io sees only the stream, the
// message and the frame, so the frame is the one place a transport can tell it. The level is an
// annotation line at the start of the prefix (`: log-level=warning\n`), an SSE comment; our
// server-io reads it and writes the prefix without it. Over SSE a server-io that knows nothing
// of it still writes valid SSE; over stdio (one message a line) it would write the annotation as
// a line of its own, so there it needs ours.
import { concatBytes } from './bytes.js';
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

/** `frame` for a client that asked (logging/setLevel) for `level` and above. */
export function frameWithLogLevel(frame: MessageFrame, level: LogLevel): MessageFrame {
  return { prefix: concatBytes([encoder.encode(`: log-level=${level}\n`), frame.prefix]), suffix: frame.suffix };
}

/** The SSE frame for a session whose client asked (logging/setLevel) for `level` and above. */
export const sseFrameWithLogLevel = (level: LogLevel): MessageFrame => frameWithLogLevel(SSE_FRAME, level);

/** What goes before each message on the wire: the prefix without its annotation lines. */
export function framePrefixToWrite(frame: MessageFrame): Uint8Array {
  let start = 0;
  while (frame.prefix[start] === 0x3a) {
    const end = frame.prefix.indexOf(0x0a, start);
    if (end < 0) break;
    start = end + 1;
  }
  return start === 0 ? frame.prefix : frame.prefix.subarray(start);
}

/**
 * `frame` for a request that must get no log messages at all: a 2026-07-28 request that did not
 * ask for a log level in its `_meta`.
 */
export function frameWithoutLogs(frame: MessageFrame): MessageFrame {
  return { prefix: concatBytes([encoder.encode(': log-level=off\n'), frame.prefix]), suffix: frame.suffix };
}

/** The minimum log level a frame carries, if any; 'off' when it wants none. */
export function frameLogLevel(frame: MessageFrame): LogLevel | 'off' | undefined {
  if (frame.prefix[0] !== 0x3a) return undefined; // ':' starts an SSE comment
  const level = LEVEL_COMMENT.exec(decoder.decode(frame.prefix))?.[1];
  if (level === 'off') return 'off';
  return level === undefined ? undefined : logLevelFromString(level);
}

/** A log level by its MCP name (as logging/setLevel sends it). */
export function logLevelFromString(text: string): LogLevel | undefined {
  return LOG_LEVELS.find((l) => l === text);
}

/** Whether a message at `level` reaches a client that set `minimum` (RFC 5424 order). */
export function isLogLevelEnabled(level: LogLevel, minimum: LogLevel | 'off' | undefined): boolean {
  if (minimum === 'off') return false;
  return minimum === undefined || LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(minimum);
}
