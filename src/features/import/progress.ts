// A text progress bar for long CLI runs: redrawn in place on a terminal, one line per 10% in logs.

/** The bar as text: "[#####.....] 12/40 file.md"; while the total is not known (0), only the count: "12 file.md". */
export function renderBar(done: number, total: number, label = '', width = 20): string {
  if (total <= 0 && done > 0) return `${done}${label ? ` ${label}` : ''}`;
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${label ? ` ${label}` : ''}`;
}

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A progress callback that draws on the stream; call finish() once when done. */
export function progressReporter(stream: ProgressStream): { update(done: number, total: number, label: string): void; finish(): void } {
  let lastDecile = -1;
  let drawn = false;
  return {
    update(done, total, label) {
      if (stream.isTTY) {
        const line = renderBar(done, total, label);
        const max = (stream.columns || 80) - 1; // a pseudo-terminal may report 0 columns
        // \x1b[K clears what a longer previous label left behind.
        stream.write(`\r${line.length > max ? line.slice(0, max) : line}\x1b[K`);
        drawn = true;
        return;
      }
      // Without a total yet, nothing is logged: the first line comes once the total is known.
      if (total <= 0 && done > 0) return;
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(renderBar(done, total, label) + '\n');
      }
    },
    finish() {
      if (stream.isTTY && drawn) stream.write('\n');
    },
  };
}
