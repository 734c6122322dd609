/** Summary of repeated measurements of one quantity, in the unit of the samples. */
export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
}

/** Summarizes samples by their median, which one slow run on a busy machine does not move. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('Cannot summarize an empty list of samples.');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs: sorted.length, median, min: sorted[0]!, max: sorted.at(-1)! };
}

/** Formats milliseconds with one decimal, e.g. `12.3 ms`. */
export function formatMs(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

/** Formats a byte count in kB (1 kB = 1000 bytes) with one decimal. */
export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
