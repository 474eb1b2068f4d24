import { defineConfig } from "prisma/config";

// The app never runs the Prisma CLI at run time (it applies migrations itself, see lib/db/migrator.ts);
// this file serves developers authoring migrations. An unset DATABASE_URL must not break `prisma generate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
