import type { Shape } from "../shape";

// Requests refused for where they come from.
export const zh = {
  crossOrigin: "此请求来自其他网站或端口，已被拒绝。请在会通的页面中操作。",
};

export const en: Shape<typeof zh> = {
  crossOrigin: "This request came from another site or port and was refused. Use Huitong's own pages.",
};
