import type { Shape } from "../shape";

// Stages, exclusion reasons, screening settings, stage history and undo, assignment, My queue.
export const zh = {
  title: "",
};

export const en: Shape<typeof zh> = {
  title: "",
};
