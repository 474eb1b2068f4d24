// `npm run search:reindex`: rebuilds the whole search index of DATABASE_URL (or the embedded database) and exits.
import { readSettings } from "@/lib/config/settings";
import { createDatabaseClient } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/bootstrap";
import { reindexAll } from "@/lib/search/indexer";

const database = await prepareDatabase(readSettings());
const client = createDatabaseClient(database.url);
const started = Date.now();
const { sources } = await reindexAll(client);
const [size] = await client.$queryRaw<{ bytes: bigint }[]>`SELECT pg_total_relation_size('"SearchEntry"') AS bytes`;
console.log(
  `search: rebuilt ${sources} source(s) in ${((Date.now() - started) / 1000).toFixed(1)} s; index ${(Number(size?.bytes ?? 0) / 1024 / 1024).toFixed(1)} MiB`,
);
await client.$disconnect();
await database.stop();
