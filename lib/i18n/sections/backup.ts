import type { Shape } from "../shape";

// Review backups: download one file, restore it as a new review.
export const zh = {
  title: "备份",
  help: "下载一个 .zip 文件：其中的 JSON 包含文献（含全文与回收站）、状态及其历史、筛选、主题、编码、综述写作及其版本、意见轮次、批注和动态，另附文献的 PDF 文件。它可以恢复为一个新的综述。",
  download: "下载备份",
  restoreTitle: "从备份恢复",
  restoreHelp:
    "选择以前下载的会通备份文件（.zip，或较早的 .json）。恢复会新建一个综述，您是负责人，原综述不受影响。只有您成为成员；备份中的其他人只保留姓名（作为其批注、投票和编码的作者），不会因邮箱自动加入。需要他们参与时，请在成员页邀请。",
  file: "备份文件",
  restore: "恢复为新综述",
  restoring: "正在恢复…",
  noFile: "请先选择备份文件。",
  notJson: "文件不是有效的 JSON：{detail}",
  wrongFormat: '这不是会通的综述备份（缺少 format: "huitong-backup"）。',
  wrongVersion: "不支持的备份版本 {version}：此版本的会通只能恢复版本 {supported}。",
  invalidContent: "备份内容有误，未做任何更改：{problems}",
  inconsistent: "备份内部的引用不一致，未做任何更改：{problems}",
};

export const en: Shape<typeof zh> = {
  title: "Backup",
  help: "Download one .zip file: its JSON holds the items (full texts and the trash included), stages and their history, screening, themes, codings, the synthesis with its versions, comment rounds, comments and activity, and beside it are the items' PDF files. It restores into a new review.",
  download: "Download backup",
  restoreTitle: "Restore from backup",
  restoreHelp:
    "Choose a Huitong backup file (.zip, or an older .json) downloaded earlier. Restoring creates a new review that you own; the original is untouched. Only you become a member; everyone else in the file is kept by name only (as the author of their comments, votes and codings) and is never added by their e-mail address. Invite them from the members page when they should take part.",
  file: "Backup file",
  restore: "Restore as a new review",
  restoring: "Restoring…",
  noFile: "Choose a backup file first.",
  notJson: "The file is not valid JSON: {detail}",
  wrongFormat: 'This is not a Huitong review backup (format: "huitong-backup" is missing).',
  wrongVersion: "Unsupported backup version {version}: this Huitong restores version {supported} only.",
  invalidContent: "The backup's content is invalid; nothing was changed: {problems}",
  inconsistent: "The backup refers to records it does not contain; nothing was changed: {problems}",
};
