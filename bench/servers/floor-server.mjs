// Reference (d), the loopback floor: Node's HTTP server reading each request body and answering
// one constant JSON-RPC response, with no MCP at all.
import http from 'node:http';

const answer = JSON.stringify({ jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: '{"text":"hello"}' }] } });

const httpServer = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(answer);
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  process.stderr.write(`floor-server: MCP server on http://127.0.0.1:${httpServer.address().port}/mcp\n`);
});
