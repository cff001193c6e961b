// Builds window.api from the contract; never exposes ipcRenderer or a generic invoke.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { eventNames, eventWireName, windowChannelNames, type EventChannel } from '../shared/ipc';
import { createApi } from '../shared/createApi';

const api = createApi(
  windowChannelNames,
  eventNames,
  (channel, request) => ipcRenderer.invoke(channel, request),
  (event, listener) => {
    const wireName = eventWireName(event as EventChannel);
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(wireName, wrapped);
    return () => {
      ipcRenderer.removeListener(wireName, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('api', api);

type DroppedFile = Parameters<typeof webUtils.getPathForFile>[0];

// A folder or article dropped onto the window: the OS path is looked up here, where Electron
// knows it, and goes straight to main; the page itself never sees or sends a path.
contextBridge.exposeInMainWorld('dropTarget', {
  open: (file: DroppedFile) => ipcRenderer.invoke('corpus.openDropped', { path: webUtils.getPathForFile(file) }),
});
