import type { Shape } from "../shape";

// Adding and editing items, edit conflicts, trash.
export const zh = {
  title: "",
};

export const en: Shape<typeof zh> = {
  title: "",
};
