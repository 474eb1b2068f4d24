// One PostgreSQL connection per collaboration process that LISTENs for access changes. When it drops, it
// reconnects with a growing pause and, once back, asks for every open connection to be checked again, since
// announcements made while it was away are not replayed.
import pg from "pg";
import { ACCESS_CHANNEL, readAccessEvent, type AccessEvent } from "@/lib/authz/access-events";
import { createLogger } from "@/lib/ops/log";

const logger = createLogger({ component: "access-listener" });

export interface AccessListener {
  stop(): Promise<void>;
}

export async function listenForAccessChanges(options: {
  url: string;
  onEvent: (event: AccessEvent) => Promise<void>;
  onReconnect: () => Promise<void>;
  log?: (line: string) => void;
}): Promise<AccessListener> {
  const log = options.log ?? (() => {});
  let client: pg.Client | null = null;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let failures = 0;

  const report = (what: string, error: unknown) => logger.error(`collaboration access listener: ${what}`, { error });

  async function connect(isReconnect: boolean): Promise<void> {
    const next = new pg.Client({ connectionString: options.url });
    next.on("notification", (message) => {
      if (message.channel !== ACCESS_CHANNEL) return;
      const event = readAccessEvent(message.payload);
      if (!event) return report("ignored a malformed announcement", message.payload);
      options.onEvent(event).catch((error: unknown) => report("applying an access change failed", error));
    });
    next.on("error", (error) => {
      report("connection lost", error);
      scheduleReconnect();
    });
    next.on("end", () => scheduleReconnect());
    await next.connect();
    await next.query(`LISTEN ${ACCESS_CHANNEL}`);
    client = next;
    failures = 0;
    log(`listening for access changes on ${ACCESS_CHANNEL}`);
    if (isReconnect) await options.onReconnect();
  }

  function scheduleReconnect(): void {
    if (stopped || retryTimer) return;
    const dropped = client;
    client = null;
    dropped?.removeAllListeners();
    void dropped?.end().catch(() => {});
    const delay = Math.min(30_000, 250 * 2 ** failures++);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect(true).catch((error: unknown) => {
        report("reconnecting failed", error);
        scheduleReconnect();
      });
    }, delay);
  }

  await connect(false);
  return {
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = null;
      current?.removeAllListeners();
      await current?.end().catch(() => {});
    },
  };
}
