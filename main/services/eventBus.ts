import type { EventName, EventPayload } from '../../shared/api/contract';

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Events every signed-in screen should hear (device states, print job changes,
 * scans): services emit, each host forwards to its open connections.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of [...this.listeners]) {
      try {
        l(event, payload);
      } catch {
        // One closed connection must not stop the others.
      }
    }
  }
}
