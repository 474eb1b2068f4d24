/** Every new review starts with these exclusion reasons; the owner can edit the list. Keep in step with the
 * review_workflow migration, which gave reviews created before the list existed the same reasons. */
export const DEFAULT_EXCLUSION_REASONS: readonly { labelZh: string; labelEn: string }[] = [
  { labelZh: "主题不相关", labelEn: "Off-topic" },
  { labelZh: "非学术文献", labelEn: "Not a scholarly work" },
  { labelZh: "研究设计不符", labelEn: "Wrong study design" },
  { labelZh: "无法获取全文", labelEn: "Full text unavailable" },
  { labelZh: "语言或时间范围不符", labelEn: "Outside language or date range" },
];
