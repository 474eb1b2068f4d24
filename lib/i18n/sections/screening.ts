import type { Shape } from "../shape";

// Blind screening, conflicts, PRISMA flow diagram.
export const zh = {
  title: "",
};

export const en: Shape<typeof zh> = {
  title: "",
};
