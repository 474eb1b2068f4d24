import { publicRoute } from "@/lib/http/route";
import { checkReadiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

/** Readiness for a load balancer: 200 only when PostgreSQL, Redis (when configured) and the job queue answer. */
export const GET = publicRoute({}, async () => {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ok ? 200 : 503 });
});
