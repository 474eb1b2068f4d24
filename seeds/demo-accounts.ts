// The demo accounts the seed creates; also listed on the sign-in page while the seed is on.
import type { ReviewRole } from "@/lib/db/generated/enums";

export const DEMO_PASSWORD = "huitong-demo";

export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: ReviewRole }[] = [
  { email: "owner@huitong.demo", name: "林老师 (Owner)", role: "OWNER" },
  { email: "member@huitong.demo", name: "陈同学 (Member)", role: "EDITOR" },
  { email: "supervisor@huitong.demo", name: "王教授 (Supervisor)", role: "SUPERVISOR" },
  { email: "viewer@huitong.demo", name: "赵同学 (Viewer)", role: "VIEWER" },
];
