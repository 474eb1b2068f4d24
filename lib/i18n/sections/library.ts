import type { Shape } from "../shape";

// Library table: filters, sorting, bulk actions.
export const zh = {
  title: "文献库",
  count: "共 {n} 篇",
  colTitle: "标题",
  colAuthors: "作者",
  colJournal: "期刊",
  colYear: "年份",
  colStage: "状态",
  colThemes: "主题",
  missing: "缺失",
  missingCount: "缺 {n} 项",
  missingFields: "缺失字段：{fields}",
  noAuthors: "作者缺失",
  empty: "该综述还没有文献。",
  filter: "筛选文献",
  filterPlaceholder: "按标题、作者、期刊、关键词筛选",
  noMatch: "没有符合筛选条件的文献。",
};

export const en: Shape<typeof zh> = {
  title: "Library",
  count: "{n} items",
  colTitle: "Title",
  colAuthors: "Authors",
  colJournal: "Journal",
  colYear: "Year",
  colStage: "Stage",
  colThemes: "Themes",
  missing: "missing",
  missingCount: "{n} missing",
  missingFields: "Missing: {fields}",
  noAuthors: "authors missing",
  empty: "This review has no items yet.",
  filter: "Filter items",
  filterPlaceholder: "Filter by title, author, journal, keyword",
  noMatch: "No items match the filter.",
};
