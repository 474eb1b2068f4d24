// The seeded demo accounts (see seeds/seed.ts and the README).
export const DEMO_PASSWORD = "huitong-demo";
export const DEMO_USERS = {
  owner: "owner@huitong.demo",
  member: "member@huitong.demo",
  supervisor: "supervisor@huitong.demo",
  viewer: "viewer@huitong.demo",
} as const;
export type DemoRole = keyof typeof DEMO_USERS;
export const storageStateOf = (role: DemoRole) => `e2e/.auth/${role}.json`;
