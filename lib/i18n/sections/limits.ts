import type { Shape } from "../shape";

// Refusals at the edge: bodies over a limit, unreadable forms, text that cannot be stored, fields too long.
export const zh = {
  bodyTooLarge: "上传内容超过上限 {limit}，服务器已停止接收。什么也没有更改。",
  unreadableForm: "上传的表单无法读取（内容不完整或格式不对）。什么也没有更改。",
  tooDeep: "文件的嵌套层级过深（超过 {max} 层），不是会通的备份。什么也没有更改。",
  tooLong: "太长：{count} 个字符，上限为 {max} 个。您的文字仍在框中，请删减后再保存。",
  characters: "{count} / {max} 字符",
  requestTooLarge: "提交的内容太大，服务器没有接收。您的文字仍在页面上，请删减后再试。",
};

export const en: Shape<typeof zh> = {
  bodyTooLarge: "The upload is larger than the limit of {limit}; the server stopped receiving it. Nothing was changed.",
  unreadableForm: "The uploaded form cannot be read (it is incomplete or malformed). Nothing was changed.",
  tooDeep:
    "The file is nested too deeply (over {max, plural, one {# level} other {# levels}}); it is not a Huitong backup. Nothing was changed.",
  tooLong:
    "Too long: {count, plural, one {# character} other {# characters}}; the limit is {max}. Your text is still in the box: shorten it, then save.",
  characters: "{count} / {max, plural, one {# character} other {# characters}}",
  requestTooLarge:
    "What you submitted is too large for the server. Your text is still on the page: shorten it and try again.",
};
