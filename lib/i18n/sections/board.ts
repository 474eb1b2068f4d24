import type { Shape } from "../shape";

// Kanban board by stage.
export const zh = {
  title: "",
};

export const en: Shape<typeof zh> = {
  title: "",
};
