import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Shutdown that drops no request (SIGTERM in main.ts).
 *
 * `server.close()` alone loses requests: it stops accepting at once (connections still in the
 * kernel's backlog are reset) and closes every "idle" connection — which includes one accepted a
 * moment ago whose request bytes are not parsed yet. So a drain first keeps listening: requests in
 * flight finish normally (with `Connection: close`), every new request is answered 503
 * SERVICE_UNAVAILABLE with `Connection: close` (app.ts), and only once nothing is in flight and no
 * connection or request has arrived for `quietMs` does the caller close the server.
 */
export class RequestDrain {
  draining = false;
  private readonly inFlight = new Set<ServerResponse>();
  private lastActivity = performance.now();

  constructor(server: Server) {
    server.on('connection', () => {
      this.lastActivity = performance.now();
    });
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.lastActivity = performance.now();
      this.inFlight.add(res);
      res.once('close', () => {
        this.inFlight.delete(res);
        this.lastActivity = performance.now();
      });
    });
  }

  /** Resolves when every request is answered and the listener has been quiet for `quietMs` (at most `maxMs`). */
  async drain(opts: { quietMs: number; maxMs: number }): Promise<void> {
    this.draining = true;
    // Answers still being written close their connection, so no client sends another request on it.
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    const start = performance.now();
    for (;;) {
      const now = performance.now();
      if (now - start >= opts.maxMs) return;
      if (this.inFlight.size === 0 && now - this.lastActivity >= opts.quietMs) return;
      await new Promise((r) => setTimeout(r, Math.min(25, opts.quietMs)));
    }
  }
}
