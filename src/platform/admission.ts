// Bounded admission for the requests that reach the app (cached pages are answered before it): at most `limit`
// run at once, the rest wait in arrival order, and once `maxQueue` are waiting a new one is refused at once
// with 503 and Retry-After instead of waiting behind them. Under overload every request then waits about as
// long as the others (first come, first served) rather than a few waiting many times the median, and the
// answers a proxy cannot get in time are quick refusals it can retry elsewhere.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface AdmissionOptions {
  /** Requests the app works on at once; 0 admits every request at once (no queue). */
  limit: number;
  /** Requests allowed to wait; one more is answered 503. */
  maxQueue: number;
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
  const retryAfter = String(opts.retryAfter ?? 1);
  const message = opts.message ?? (() => 'The server is busy; please try again in a moment.');

  const release = () => {
    running--;
    while (running < opts.limit && head < queue.length) {
      const next = queue[head];
      queue[head++] = undefined as never;
      if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      next();
    }
  };
  const start = (res: ServerResponse, handle: () => void) => {
    running++;
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
      if (running < opts.limit) return start(res, handle);
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
