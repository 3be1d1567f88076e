import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdmission, type Admission } from './admission.js';

/** A server whose requests finish only when the test says so, behind an admission gate. */
async function gated(limit: number, maxQueue: number) {
  const admission = createAdmission({ limit, maxQueue, retryAfter: 2 });
  const started: string[] = [];
  const open = new Map<string, () => void>();
  const server = createServer((req, res) =>
    admission.admit(req, res, () => {
      started.push(req.url!);
      open.set(req.url!, () => res.end(req.url));
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { admission, server, started, open, base };
}

const tick = () => new Promise((r) => setTimeout(r, 30));

describe('admission', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  it('runs at most `limit` at once and starts the waiting ones in arrival order', async () => {
    const g = await gated(2, 10);
    server = g.server;
    const answers: Promise<string>[] = [];
    for (const p of ['/a', '/b', '/c', '/d', '/e']) {
      answers.push(fetch(g.base + p).then((r) => r.text()));
      await tick();
    }
    expect(g.started).toEqual(['/a', '/b']);
    expect([g.admission.running, g.admission.waiting]).toEqual([2, 3]);
    g.open.get('/b')!();
    await tick();
    expect(g.started).toEqual(['/a', '/b', '/c']);
    g.open.get('/a')!();
    g.open.get('/c')!();
    await tick();
    expect(g.started).toEqual(['/a', '/b', '/c', '/d', '/e']);
    g.open.get('/d')!();
    g.open.get('/e')!();
    expect(await Promise.all(answers)).toEqual(['/a', '/b', '/c', '/d', '/e']);
    expect([g.admission.running, g.admission.waiting]).toEqual([0, 0]);
  });

  it('answers 503 with Retry-After at once when the queue is full, and admits again once it drains', async () => {
    const g = await gated(1, 1);
    server = g.server;
    const first = fetch(`${g.base}/one`);
    await tick();
    const second = fetch(`${g.base}/two`);
    await tick();
    const t0 = Date.now();
    const third = await fetch(`${g.base}/three`);
    expect(Date.now() - t0).toBeLessThan(500);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('2');
    expect(third.headers.get('cache-control')).toBe('no-store');
    expect(await third.text()).toBe('The server is busy; please try again in a moment.\n');
    expect(g.admission.refused).toBe(1);
    g.open.get('/one')!();
    await tick();
    g.open.get('/two')!();
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
    const again = fetch(`${g.base}/four`);
    await tick();
    g.open.get('/four')!();
    expect((await again).status).toBe(200);
  });

  it('frees the place of a client that went away, and skips one that left while waiting', async () => {
    const g = await gated(1, 10);
    server = g.server;
    const gone = new AbortController();
    fetch(`${g.base}/gone`, { signal: gone.signal }).catch(() => undefined);
    await tick();
    const waitingGone = new AbortController();
    fetch(`${g.base}/left`, { signal: waitingGone.signal }).catch(() => undefined);
    await tick();
    const kept = fetch(`${g.base}/kept`);
    await tick();
    waitingGone.abort();
    await tick();
    gone.abort();
    await tick();
    expect(g.started).toEqual(['/gone', '/kept']);
    g.open.get('/kept')!();
    expect((await kept).status).toBe(200);
  });

  it('starts one request a turn of the event loop, the rest in later turns and in arrival order', async () => {
    const a = createAdmission({ limit: 2, maxQueue: 100 });
    const started: number[] = [];
    // Requests that finish as soon as they start, as a page read from SQLite does.
    const fake = () => {
      const res = new EventEmitter() as EventEmitter & { writableEnded: boolean };
      res.writableEnded = false;
      return { req: { destroyed: false } as never, res };
    };
    const admitOne = (i: number) => {
      const { req, res } = fake();
      a.admit(req, res as never, () => {
        started.push(i);
        res.writableEnded = true;
        res.emit('finish');
      });
    };
    for (let i = 0; i < 5; i++) admitOne(i);
    expect(started).toEqual([0]);
    expect(a.waiting).toBe(4);
    // A request arriving now waits behind those already waiting.
    admitOne(5);
    const perTurn: number[] = [];
    for (let turn = 0, before = started.length; turn < 10; turn++) {
      await new Promise((r) => setImmediate(r));
      perTurn.push(started.length - before);
      before = started.length;
    }
    expect(Math.max(...perTurn)).toBe(1);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect([a.running, a.waiting]).toEqual([0, 0]);
  });

  it('admits everything at once with a limit of 0', async () => {
    const a: Admission = createAdmission({ limit: 0, maxQueue: 0 });
    let ran = 0;
    for (let i = 0; i < 5; i++) a.admit({} as never, {} as never, () => ran++);
    expect(ran).toBe(5);
  });
});
