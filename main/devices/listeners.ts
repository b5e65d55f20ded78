/** A small listener set: transports call every listener, and a throwing listener never breaks the channel. */
export class Listeners<T extends unknown[]> {
  private readonly set = new Set<(...args: T) => void>();
  add(listener: (...args: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(...args: T): void {
    for (const l of [...this.set]) {
      try {
        l(...args);
      } catch {
        // A listener's bug is not the device's problem.
      }
    }
  }
}
