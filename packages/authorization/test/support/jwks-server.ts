// A JWKS endpoint on 127.0.0.1 for the component to fetch, counting its requests; the test
// switches what it serves to play a key rotation, garbage, an error status or an outage.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type JwksMode = 'keys' | 'garbage' | 'not-a-key-set' | 'error-500';

export class JwksServer {
  fetches = 0;
  mode: JwksMode = 'keys';
  keys: object[] = [];
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<JwksServer> {
    const server = createServer();
    const jwks = new JwksServer(server);
    server.on('request', (req, res) => {
      jwks.fetches++;
      const body =
        jwks.mode === 'garbage' ? '<html>not json' : jwks.mode === 'not-a-key-set' ? '{"issuer":"x"}' : JSON.stringify({ keys: jwks.keys });
      res.writeHead(jwks.mode === 'error-500' ? 500 : 200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return jwks;
  }

  get uri(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
