import type { Client } from '../../app/context';

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Saves the reception in progress as a draft on the host, one request at a time (the first save
 * creates the draft and returns its id; later saves update it), keeping only the newest state
 * while a request is in flight. Before the confirm, `settle()` stops saving and returns the id
 * (the host deletes the draft in the confirm's transaction).
 */
export class DraftSaver {
  private id: number | undefined;
  private pending: Record<string, unknown> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly api: Client,
    private readonly onStatus: (status: DraftStatus) => void,
  ) {}

  get draftId(): number | undefined {
    return this.id;
  }

  /** Continue a restored draft. */
  adopt(id: number): void {
    this.id = id;
    this.stopped = false;
  }

  save(data: Record<string, unknown>): void {
    if (this.stopped) return;
    this.pending = data;
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
  }

  private async run(): Promise<void> {
    while (this.pending && !this.stopped) {
      const data = this.pending;
      this.pending = null;
      this.onStatus('saving');
      try {
        const r = await this.api['reception.saveDraft']({ ...(this.id ? { id: this.id } : {}), data });
        this.id = r.id;
        this.onStatus('saved');
      } catch {
        // The reception goes on; the clerk sees that the draft is not safe.
        this.onStatus('error');
      }
    }
  }

  /** Stops saving (confirm in progress) and returns the draft's id once no save is in flight. */
  async settle(): Promise<number | undefined> {
    this.stopped = true;
    this.pending = null;
    await this.running;
    return this.id;
  }

  /** After the confirm: the host deleted the draft; nothing is saved until `reset` starts a new reception. */
  forget(): void {
    this.stopped = true;
    this.pending = null;
    this.id = undefined;
    this.onStatus('idle');
  }

  /** Saving again after a failed confirm. */
  resume(): void {
    this.stopped = false;
  }

  /** A new reception: forget the draft, deleting it on the host unless it is already gone (confirmed). */
  async reset(discard: boolean): Promise<void> {
    const id = await this.settle();
    this.id = undefined;
    this.stopped = false;
    this.onStatus('idle');
    if (discard && id) await this.api['reception.discardDraft']({ id }).catch(() => undefined);
  }
}
