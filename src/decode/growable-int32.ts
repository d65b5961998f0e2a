/** An append-only Int32Array that doubles when full (row and record offsets without one object each). */
export class GrowableInt32 {
  private data: Int32Array;
  length = 0;
  constructor(capacity = 256) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** A trimmed copy. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
