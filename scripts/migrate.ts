// Applies pending migrations to DATABASE_URL (or the embedded database) and exits.
import { readSettings } from "@/lib/config/settings";
import { prepareDatabase } from "@/lib/db/bootstrap";

const database = await prepareDatabase(readSettings());
console.log(database.applied.length ? `applied: ${database.applied.join(", ")}` : "schema up to date");
await database.stop();
