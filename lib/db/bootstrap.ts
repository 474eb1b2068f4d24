// Brings a database to the point where the app can use it: the configured PostgreSQL or an embedded
// one under the data directory, with every pending migration applied.
import path from "node:path";
import { embeddedPostgresPassword, projectRoot, type Settings } from "@/lib/config/settings";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { migrate } from "./migrator";

export interface ReadyDatabase {
  url: string;
  embedded: boolean;
  applied: string[];
  stop(): Promise<void>;
}

export function migrationsDir(): string {
  return path.join(projectRoot(), "prisma", "migrations");
}

export async function prepareDatabase(
  settings: Pick<Settings, "databaseUrl" | "dataDir" | "embeddedPostgresPort">,
  options: { database?: string; unsafeFast?: boolean; log?: (line: string) => void } = {},
): Promise<ReadyDatabase> {
  let url = settings.databaseUrl;
  let stop = async () => {};
  if (!url) {
    const embedded = await startEmbeddedPostgres({
      dataDir: settings.dataDir,
      port: settings.embeddedPostgresPort,
      password: embeddedPostgresPassword(settings.dataDir),
      database: options.database ?? "huitong",
      unsafeFast: options.unsafeFast,
      log: options.log,
    });
    url = embedded.url;
    stop = embedded.stop;
  }
  try {
    const applied = await migrate(url, migrationsDir());
    return { url, embedded: !settings.databaseUrl, applied, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
