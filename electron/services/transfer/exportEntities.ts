import { exportEntitiesOf } from '../../../shared/entities/entityExportLinks';
import { ENTITIES_FILE_NAME, type EntityRegistry } from '../../../shared/entities/registry';
import type { ExportFormatId, SerializeOptions } from '../../../shared/formats/exportTypes';
import { readRegistry, serializeRegistry } from '../entities/entityRegistryFile';
import type { PlannedFile } from './exportPlan';

/**
 * (#24) The entity registry as an export needs it. A registry that cannot be read (broken, or
 * refused as outside the corpus) does not stop the export: links are then written by their ids
 * alone, with no name or QID, as for an entity no longer in the registry.
 */
export async function readExportRegistry(root: string): Promise<EntityRegistry | null> {
  try {
    const { registry } = await readRegistry(root);
    return registry.entities.length > 0 ? registry : null;
  } catch {
    return null;
  }
}

export function withExportEntities(options: SerializeOptions, registry: EntityRegistry | null): SerializeOptions {
  return registry ? { ...options, entities: exportEntitiesOf(registry) } : options;
}

/**
 * brat's N lines name an entity without a QID as `Hashiye:ID`, which only the registry resolves:
 * a brat export carries `entities.json` at its top, so importing it back (or opening it as a brat
 * corpus) finds those entities again (docs/entities.md).
 */
export function registryFileFor(formatId: ExportFormatId, registry: EntityRegistry | null): PlannedFile[] {
  if (formatId !== 'brat' || registry === null) return [];
  return [{ file: { path: ENTITIES_FILE_NAME, content: serializeRegistry(registry), role: 'schema' }, part: null }];
}
