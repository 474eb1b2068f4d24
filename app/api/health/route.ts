import { checkDatabase } from "@/lib/db/health";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute({}, async () => {
  const database = await checkDatabase();
  return Response.json({ ok: database, database }, { status: database ? 200 : 503 });
});
