// Seeds the demo review into DATABASE_URL (or the embedded database) and exits.
import { readSettings } from "@/lib/config/settings";
import { createDatabaseClient } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/bootstrap";
import { seedDemo } from "../seeds/seed";

const database = await prepareDatabase(readSettings());
const client = createDatabaseClient(database.url);
const report = await seedDemo(client);
console.log(JSON.stringify(report.created));
await client.$disconnect();
await database.stop();
