import type { StageKind } from "@/lib/db/generated/enums";

export interface StageDefinition {
  key: string;
  nameZh: string;
  nameEn: string;
  kind: StageKind;
}

/** Every new review starts with these, in this order. */
export const DEFAULT_STAGES: readonly StageDefinition[] = [
  { key: "to-screen", nameZh: "待筛选", nameEn: "To screen", kind: "ACTIVE" },
  { key: "to-read", nameZh: "待阅读", nameEn: "To read", kind: "ACTIVE" },
  { key: "reading", nameZh: "阅读中", nameEn: "Reading", kind: "ACTIVE" },
  { key: "coded", nameZh: "已编码", nameEn: "Coded", kind: "ACTIVE" },
  { key: "synthesized", nameZh: "已综合", nameEn: "Synthesized", kind: "ACTIVE" },
  { key: "excluded", nameZh: "已排除", nameEn: "Excluded", kind: "EXCLUDED" },
];
