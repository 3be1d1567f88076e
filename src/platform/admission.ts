// Bounded admission for the requests that reach the app (cached pages are answered before it): at most `limit`
// run at once, the rest wait in arrival order, and once `maxQueue` are waiting a new one is refused at once
// with 503 and Retry-After instead of waiting behind them. Under overload every request then waits about as
// long as the others (first come, first served) rather than a few waiting many times the median, and the
// answers a proxy cannot get in time are quick refusals it can retry elsewhere.
//
// One request starts per turn of the event loop; the next waits for the following turn. Node accepts one waiting
// connection per turn: when a turn ran every request that had arrived (about 50 at 50 connections of misses,
// hundreds of milliseconds on a loaded machine), new connections waited many seconds to be accepted (the 50th
// some 13 s) and their first requests made the whole p99 under overload. With a turn per request, connections
// are accepted and requests read and queued between two requests, and served in the order they came: at 50
// connections of misses p99 went from 12 to 23 times p50 to 2 to 3 times, at the same CPU per request.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface AdmissionOptions {
  /** Requests the app works on at once; 0 admits every request at once (no queue). */
  limit: number;
  /** Requests allowed to wait; one more is answered 503. */
  maxQueue: number;
  /** Requests started per turn of the event loop (default 1): between two, Node accepts and reads new connections. */
  perTurn?: number;
  /** Seconds a refused client is told to wait (Retry-After). */
  retryAfter?: number;
  /** The refusal's text, in the site's language. */
  message?: () => string;
}

export interface Admission {
  /** Runs `handle` now or when a place frees up, or answers 503 when the queue is full. */
  admit(req: IncomingMessage, res: ServerResponse, handle: () => void): void;
  /** Requests running and waiting now (for tests and the status line). */
  readonly running: number;
  readonly waiting: number;
  /** Requests refused with 503 since start. */
  readonly refused: number;
}

export function createAdmission(opts: AdmissionOptions): Admission {
  let running = 0;
  let refused = 0;
  // A ring of waiting starts: first in, first out, without shifting an array.
  let queue: (() => void)[] = [];
  let head = 0;
  // Requests started in this turn of the event loop; reset in the turn's check phase (setImmediate).
  let startedThisTurn = 0;
  const perTurn = Math.max(1, opts.perTurn ?? 1);
  let turnEnding = false;
  const endTurn = () => {
    startedThisTurn = 0;
    turnEnding = false;
  };
  let drainScheduled = false;
  const retryAfter = String(opts.retryAfter ?? 1);
  const message = opts.message ?? (() => 'The server is busy; please try again in a moment.');

  /** Starts waiting requests while there is room, `perTurn` a turn; the rest in later turns. */
  const drain = () => {
    drainScheduled = false;
    while (running < opts.limit && startedThisTurn < perTurn && head < queue.length) {
      const next = queue[head];
      queue[head++] = undefined as never;
      if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      next();
    }
    if (head < queue.length && running < opts.limit) scheduleDrain();
  };
  const scheduleDrain = () => {
    if (drainScheduled) return;
    drainScheduled = true;
    setImmediate(drain);
  };
  const release = () => {
    running--;
    if (head < queue.length) scheduleDrain();
  };
  const start = (res: ServerResponse, handle: () => void) => {
    running++;
    startedThisTurn++;
    if (!turnEnding) {
      turnEnding = true;
      setImmediate(endTurn);
    }
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      release();
    };
    res.once('finish', finished);
    res.once('close', finished);
    handle();
  };

  return {
    admit(req, res, handle) {
      if (opts.limit <= 0) return handle();
      // First come, first served: nobody starts ahead of a request already waiting.
      if (running < opts.limit && startedThisTurn < perTurn && head === queue.length) return start(res, handle);
      if (queue.length - head >= opts.maxQueue) {
        refused++;
        const body = Buffer.from(`${message()}\n`);
        res.writeHead(503, {
          'content-type': 'text/plain; charset=utf-8',
          'content-length': String(body.length),
          'retry-after': retryAfter,
          'cache-control': 'no-store',
        });
        res.end(body);
        return;
      }
      // A client that gave up while waiting is skipped when its turn comes.
      queue.push(() => {
        if (req.destroyed || res.writableEnded) return;
        start(res, handle);
      });
      if (running < opts.limit) scheduleDrain();
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length - head;
    },
    get refused() {
      return refused;
    },
  };
}
