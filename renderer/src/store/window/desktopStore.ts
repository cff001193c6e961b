import { create } from 'zustand';
import type { DesktopPlatform } from '../../../../shared/desktopWire';

/** (#23) The desktop around the window: which system it is (Cmd on macOS) and which Help view is open. Never saved. */
export interface DesktopState {
  platform: DesktopPlatform;
  helpView: 'guide' | 'about' | null;
}

export const useDesktopStore = create<DesktopState>()(() => ({ platform: 'linux', helpView: null }));

export const desktopActions = {
  applyPlatform(platform: DesktopPlatform | undefined): void {
    if (platform) useDesktopStore.setState({ platform });
  },
  openHelp(view: 'guide' | 'about'): void {
    useDesktopStore.setState({ helpView: view });
  },
  closeHelp(): void {
    useDesktopStore.setState({ helpView: null });
  },
};
