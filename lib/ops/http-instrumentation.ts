// What the web server does around every HTTP request: gives it a request id (X-Request-Id, on the request for
// the app and on the response for the client), runs the handler inside that id's context so every log line and
// enqueued job carries it, times it for the latency histogram, and logs one line when it ends. It also counts
// requests in flight, so a SIGTERM can let them finish before the process exits.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createLogger, REQUEST_ID_HEADER, requestIdFor, runWithRequestId, type Logger } from "./log";
import { routeLabel, type HttpMetrics } from "./metrics";

export interface HttpInstrumentation {
  handle(request: IncomingMessage, response: ServerResponse, next: () => void): void;
  /** Requests whose response has not finished yet. */
  inFlight(): number;
  /** Resolves once no request is in flight (at once when none is). */
  idle(): Promise<void>;
  /** From now on responses ask the client to close the connection, so keep-alive sockets drain too. */
  startDraining(): void;
}

export function instrumentHttp(options: {
  isTrustedProxy: (address: string) => boolean;
  metrics?: HttpMetrics;
  logger?: Logger;
}): HttpInstrumentation {
  const logger = options.logger ?? createLogger({ component: "http" });
  let inFlight = 0;
  let draining = false;
  let waiters: (() => void)[] = [];

  const finished = () => {
    inFlight -= 1;
    if (inFlight === 0) {
      const ready = waiters;
      waiters = [];
      ready.forEach((resolve) => resolve());
    }
  };

  return {
    handle(request, response, next) {
      const started = process.hrtime.bigint();
      const requestId = requestIdFor(
        request.headers[REQUEST_ID_HEADER],
        options.isTrustedProxy(request.socket.remoteAddress ?? ""),
      );
      // Replaced whatever the client sent: the app reads the id from here.
      request.headers[REQUEST_ID_HEADER] = requestId;
      response.setHeader("X-Request-Id", requestId);
      if (draining) response.setHeader("Connection", "close");
      inFlight += 1;
      let done = false;
      const end = (aborted: boolean) => {
        if (done) return;
        done = true;
        finished();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const pathname = (request.url ?? "/").split("?")[0] ?? "/";
        const route = routeLabel(pathname, response.statusCode);
        options.metrics?.observe(request.method ?? "GET", route, response.statusCode, seconds);
        // The query string is left out: search terms and tokens do not belong in logs.
        const fields = {
          requestId,
          method: request.method,
          path: pathname,
          route,
          status: response.statusCode,
          durationMs: Math.round(seconds * 10_000) / 10,
          ...(aborted ? { aborted: true } : {}),
        };
        // Static assets would drown the events that matter.
        if (route.startsWith("/_next/") || route === "/pdfjs") logger.debug("request", fields);
        else if (response.statusCode >= 500) logger.error("request", fields);
        else logger.info("request", fields);
      };
      response.once("finish", () => end(false));
      response.once("close", () => end(!response.writableFinished));
      runWithRequestId(requestId, next);
    },
    inFlight: () => inFlight,
    idle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    startDraining() {
      draining = true;
    },
  };
}
