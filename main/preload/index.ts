import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_CHANNEL, PUSH_CHANNEL, type HostBridge } from '../../shared/api/bridge';
import type { WirePush, WireReply } from '../../shared/api/wire';

// The renderer gets two functions and nothing else: no ipcRenderer, no Node.
const bridge: HostBridge = {
  call: (request) => ipcRenderer.invoke(API_CHANNEL, request) as Promise<WireReply>,
  onPush: (listener) => {
    const handler = (_event: IpcRendererEvent, push: WirePush) => listener(push);
    ipcRenderer.on(PUSH_CHANNEL, handler);
    return () => ipcRenderer.removeListener(PUSH_CHANNEL, handler);
  },
};
contextBridge.exposeInMainWorld('bcciHost', bridge);
