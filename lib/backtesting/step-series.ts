/**
 * A time series over a backtest's bars kept as its change points: a row is stored only where a value
 * differs from the bar before. PnL and volume move when executors close, so a year of 1m bars keeps a
 * few thousand rows, not 525,600, and any bar's values are still exact (the row in force at it).
 */
export class StepSeries {
  /** `[barIndex, ...values]`, by bar index. */
  readonly rows: number[][] = [];
  private last: number[] | undefined;

  constructor(readonly columns: readonly string[]) {}

  /** The values at bar `index` (bars come in order); stored only if they changed. */
  record(index: number, values: readonly number[]): void {
    const last = this.last;
    if (last) {
      let same = true;
      for (let i = 0; i < values.length; i++) if (last[i + 1] !== values[i]) same = false;
      if (same) return;
    }
    this.last = [index, ...values];
    this.rows.push(this.last);
  }

  /** The row in force at each of `indexes` (ascending): its values, or undefined before the first row. */
  at(indexes: readonly number[]): Array<readonly number[] | undefined> {
    const found: Array<readonly number[] | undefined> = [];
    let row = -1;
    for (const index of indexes) {
      while (row + 1 < this.rows.length && this.rows[row + 1][0] <= index) row++;
      found.push(row >= 0 ? this.rows[row] : undefined);
    }
    return found;
  }

  /** Visits each row with how many bars it holds for, the last one up to bar `end` (exclusive). */
  forEachRun(end: number, visit: (values: readonly number[], bars: number) => void): void {
    for (let i = 0; i < this.rows.length; i++) {
      const next = i + 1 < this.rows.length ? this.rows[i + 1][0] : end;
      visit(this.rows[i], next - this.rows[i][0]);
    }
  }
}

/** `count` bar indexes spread evenly over [0, total), the last bar always among them. */
export function sampleIndexes(total: number, count: number): number[] {
  if (total <= count) return Array.from({ length: total }, (_, i) => i);
  const indexes: number[] = [];
  for (let i = 0; i < count; i++) indexes.push(Math.round((i * (total - 1)) / (count - 1)));
  return indexes;
}
