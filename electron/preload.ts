// Builds window.api from the contract; never exposes ipcRenderer or a generic invoke.
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, eventNames, eventWireName, type EventChannel } from '../shared/ipc';
import { createApi } from '../shared/createApi';

const api = createApi(
  channelNames,
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
