// Raw HTTP for tests that must control every header (fetch forbids setting Host).
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-11-25',
};

/** The JSON-RPC messages of an SSE body (`data:` lines) or a JSON body. */
export function messagesOf(response: RawResponse): any[] {
  if ((response.headers['content-type'] ?? '').startsWith('text/event-stream')) {
    return response.body
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)));
  }
  return [JSON.parse(response.body)];
}

export function jsonRpc(id: number, method: string, params: object = {}): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method, params });
}

/** The `_meta` every 2026-07-28 request carries. */
export const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
export const MODERN_HEADERS = { ...MCP_HEADERS, 'mcp-protocol-version': '2026-07-28' };

/** A 2026-07-28 request's headers and body: the routing headers filled in, `headers` override them, `meta` replaces _meta (null: none). */
export function modernMessage(id: number, method: string, params: object = {}, options: { headers?: Record<string, string>; meta?: object | null } = {}) {
  const name = (params as { name?: string; uri?: string }).name ?? (method === 'resources/read' ? (params as { uri?: string }).uri : undefined);
  const headers: Record<string, string> = { ...MODERN_HEADERS, 'mcp-method': method, ...(name ? { 'mcp-name': name } : {}), ...options.headers };
  const meta = options.meta === undefined ? MODERN_META : options.meta;
  return { headers, body: jsonRpc(id, method, meta === null ? params : { ...params, _meta: meta }) };
}

/** An SSE response read as it arrives: each `data:` event's JSON, in order. */
export interface EventStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The next event, or undefined if none came within `ms` (or the stream ended). */
  next(ms: number): Promise<any | undefined>;
  /** Whether the server ended the response. */
  ended(): boolean;
  close(): void;
}

export function openEventStream(url: string, options: { headers: Record<string, string>; body: string }): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: options.headers }, (res) => {
      const queue: any[] = [];
      const waiters: Array<(event: any) => void> = [];
      let buffered = '';
      let done = false;
      const deliver = (event: any) => {
        const waiter = waiters.shift();
        if (waiter) waiter(event);
        else queue.push(event);
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          if (data) deliver(JSON.parse(data));
        }
      });
      res.on('end', () => {
        done = true;
        while (waiters.length > 0) waiters.shift()!(undefined);
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        next: (ms) =>
          queue.length > 0 || done
            ? Promise.resolve(queue.shift())
            : new Promise((resolveEvent) => {
                const waiter = (event: any) => {
                  clearTimeout(timer);
                  resolveEvent(event);
                };
                const timer = setTimeout(() => {
                  waiters.splice(waiters.indexOf(waiter), 1);
                  resolveEvent(undefined);
                }, ms);
                waiters.push(waiter);
              }),
        ended: () => done,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
