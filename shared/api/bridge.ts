import type { WirePush, WireReply } from './wire';

/** The one object the Electron preload exposes to the renderer (`window.bcciHost`). */
export interface HostBridge {
  call(request: { id: number; method: string; params: unknown }): Promise<WireReply>;
  onPush(listener: (push: WirePush) => void): () => void;
}

export const API_CHANNEL = 'bcci:api';
export const PUSH_CHANNEL = 'bcci:push';
