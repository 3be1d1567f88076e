// A bare node:http server that spends a fixed CPU time on each request before answering: the shape of
// latency under overload of any one-threaded server doing that much work per request, to read the overload
// scenario's p99 against. Arguments: milliseconds per request; it tells the bench its port over IPC.
import { createServer } from 'node:http';

const ms = Number(process.argv[2] ?? 2);
const body = Buffer.alloc(20_000, 'x');
const server = createServer((_req, res) => {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    /* the work a render would do */
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.send!({ type: 'listening', port: (server.address() as { port: number }).port }));
