import type { Shape } from "../shape";

// Review dashboard: progress charts, conflicts waiting, activity.
export const zh = {
  title: "",
};

export const en: Shape<typeof zh> = {
  title: "",
};
