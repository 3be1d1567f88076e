// The ceiling: a bare node:http server that returns, from memory, the bytes Chancery returned.
// It receives its pages over IPC: { key, status, headers, body (base64) }; "*" prefixes match any path below.
import { createServer } from 'node:http';

interface Page {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}
const pages = new Map<string, Page>();
const prefixes: [string, Page][] = [];

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  let page = pages.get(url);
  if (!page)
    for (const [p, v] of prefixes)
      if (url.startsWith(p)) {
        page = v;
        break;
      }
  if (!page) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(page.status, page.headers);
  res.end(page.body);
});

process.on('message', (m: any) => {
  if (m.type === 'page') {
    const page = { status: m.status, headers: m.headers, body: Buffer.from(m.body, 'base64') };
    if (m.key.endsWith('*')) prefixes.push([m.key.slice(0, -1), page]);
    else pages.set(m.key, page);
    process.send!({ type: 'ok' });
  }
});

server.listen(0, '127.0.0.1', () => process.send!({ type: 'listening', port: (server.address() as { port: number }).port }));
