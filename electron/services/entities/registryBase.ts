import type { RegistryOnDisk } from './entityRegistryFile';

/**
 * (#17) The registry as one window (one session) last loaded or saved it: the base of the
 * three-way merge of its next edit (entityRegistryFile.ts editRegistry). Kept per corpus root,
 * so a corpus switch never merges against another corpus's registry.
 */
export class RegistryBase {
  private root: string | null = null;
  private held: RegistryOnDisk | null = null;

  get(root: string): RegistryOnDisk | null {
    return this.root === root ? this.held : null;
  }

  remember(root: string, state: RegistryOnDisk): void {
    this.root = root;
    this.held = state;
  }
}
