// Screening-prioritisation figures as the literature defines them (Cohen 2006; ASReview's simulation mode).

/** `labels` in the order records were screened. */
export function screenedToRecall(labels: boolean[], recall: number): number {
  const relevant = labels.filter(Boolean).length;
  const needed = Math.ceil(recall * relevant);
  let found = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]) found += 1;
    if (found >= needed) return i + 1;
  }
  return labels.length;
}

/** Work saved over sampling at a recall: the share of records left unread when the recall is reached, less 1 − recall. */
export function workSavedOverSampling(labels: boolean[], recall = 0.95): number {
  return (labels.length - screenedToRecall(labels, recall)) / labels.length - (1 - recall);
}

/** Relevant records found after screening a share of all records. */
export function relevantRecordsFound(labels: boolean[], share = 0.1): number {
  const relevant = labels.filter(Boolean).length;
  const screened = Math.round(share * labels.length);
  return labels.slice(0, screened).filter(Boolean).length / Math.max(relevant, 1);
}
