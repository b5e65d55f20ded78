/**
 * A growable FIFO of bytes for streaming parsers: append chunks, look at everything not yet consumed
 * as one contiguous view, consume from the front. Appending is amortised O(chunk), so a parser that
 * waits for a 200 KB raster image arriving in 64-byte serial chunks does not copy it 3000 times.
 */
export class ByteQueue {
  private buf: Uint8Array;
  private start = 0;
  private end = 0;

  constructor(initialCapacity = 4096) {
    this.buf = new Uint8Array(initialCapacity);
  }

  get length(): number {
    return this.end - this.start;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.end + chunk.length > this.buf.length) {
      const used = this.length;
      if (used + chunk.length <= this.buf.length / 2) {
        this.buf.copyWithin(0, this.start, this.end); // compact in place
      } else {
        let capacity = this.buf.length * 2;
        while (capacity < used + chunk.length) capacity *= 2;
        const grown = new Uint8Array(capacity);
        grown.set(this.buf.subarray(this.start, this.end));
        this.buf = grown;
      }
      this.start = 0;
      this.end = used;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** The unconsumed bytes. Valid until the next push/consume/clear. */
  view(): Uint8Array {
    return this.buf.subarray(this.start, this.end);
  }

  consume(n: number): void {
    this.start = Math.min(this.end, this.start + n);
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
    }
  }

  clear(): void {
    this.start = 0;
    this.end = 0;
  }
}
