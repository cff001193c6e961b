import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { denyAllPermissions, lockDownWebContents } from './windowGuards';

/** Stands in for the few members of WebContents and Session the guards use. */
class RecordingContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

class RecordingSession extends EventEmitter {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: (() => boolean) | null = null;
  deviceHandler: (() => boolean) | null = null;
  displayMediaHandler: ((request: unknown, callback: (streams: null) => void) => void) | null = null;
  setPermissionRequestHandler(handler: RecordingSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: RecordingSession['checkHandler']): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: RecordingSession['deviceHandler']): void {
    this.deviceHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: RecordingSession['displayMediaHandler']): void {
    this.displayMediaHandler = handler;
  }
}

function preventable(url: string) {
  return { url, prevented: false, preventDefault() { this.prevented = true; } };
}

describe('lockDownWebContents', () => {
  it('prevents every navigation, frame navigation, redirect and webview, and denies new windows', () => {
    const contents = new RecordingContents();
    const refused: string[] = [];
    lockDownWebContents(contents as unknown as WebContents, (what) => refused.push(what));
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://hashiye/index.html', 'javascript:alert(1)']) {
        const attempt = preventable(url);
        contents.emit(event, attempt);
        expect(attempt.prevented, `${event} ${url}`).toBe(true);
      }
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://hashiye/index.html' })).toEqual({ action: 'deny' });
    expect(refused).toContain('navigation to https://evil.example/');
    expect(refused).toContain('new window for https://evil.example/');
  });
});

describe('denyAllPermissions', () => {
  it('denies every permission request and check, devices, screen capture and downloads', () => {
    const session = new RecordingSession();
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock']) {
      let granted: boolean | null = null;
      session.requestHandler?.({}, permission, (answer) => {
        granted = answer;
      });
      expect(granted, permission).toBe(false);
    }
    expect(session.checkHandler?.()).toBe(false);
    expect(session.deviceHandler?.()).toBe(false);
    let streams: unknown = 'unset';
    session.displayMediaHandler?.({}, (answer) => {
      streams = answer;
    });
    expect(streams).toBeNull();
    const download = preventable('https://evil.example/payload.exe');
    session.emit('will-download', download, { getURL: () => download.url });
    expect(download.prevented).toBe(true);
  });
});
