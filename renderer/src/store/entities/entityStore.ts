import { create } from 'zustand';
import type { EntityRegistry } from '../../../../shared/entities/registry';
import type { EntityView } from '../../../../shared/entities/entityWire';
import type { UserProblem } from '../../../../shared/userProblem';

/** The corpus's entity registry as the window last read it, the link popup and the entity view (#24). Session only. */
interface EntityState {
  registry: EntityRegistry;
  /** Set when entities.json cannot be read or written. */
  problem: UserProblem | null;
  pickerOpen: boolean;
  /** The entity shown in the entity view, or null when it is closed. */
  viewedId: string | null;
  view: EntityView | null;
  progress: { done: number; total: number } | null;
  busy: boolean;
}

export const useEntityStore = create<EntityState>()(() => ({
  registry: { version: 1, entities: [] },
  problem: null,
  pickerOpen: false,
  viewedId: null,
  view: null,
  progress: null,
  busy: false,
}));

export const entityActions = {
  registryLoaded(registry: EntityRegistry): void {
    useEntityStore.setState({ registry, problem: null, busy: false });
  },
  failed(problem: UserProblem): void {
    useEntityStore.setState({ problem, busy: false });
  },
  openPicker(): void {
    useEntityStore.setState({ pickerOpen: true, problem: null });
  },
  closePicker(): void {
    useEntityStore.setState({ pickerOpen: false });
  },
  viewStarted(id: string): void {
    useEntityStore.setState({ viewedId: id, busy: true, progress: null, problem: null });
  },
  viewProgressed(progress: { done: number; total: number }): void {
    useEntityStore.setState({ progress });
  },
  viewLoaded(view: EntityView): void {
    useEntityStore.setState({ view, busy: false, progress: null });
  },
  closeView(): void {
    useEntityStore.setState({ viewedId: null, view: null, progress: null, busy: false });
  },
  started(): void {
    useEntityStore.setState({ busy: true, problem: null });
  },
};
