import path from 'node:path';
import { resolveImportedLink } from '../../../shared/entities/entityImportLinks';
import { ENTITIES_FILE_NAME, emptyRegistry, type EntityRegistry } from '../../../shared/entities/registry';
import type { ImportedArticle, ImportProblem } from '../../../shared/formats/import/importTypes';
import { readRegistry, serializeRegistry } from '../entities/entityRegistryFile';
import { writeFileAtomic } from '../storage/atomicWrite';

/**
 * (#24) The entity registry an import builds: the source's own `entities.json` (a brat export
 * of Hashiye carries it) when there is one, plus an entity for each Wikidata item the source
 * links to that it does not know yet. Written into the new corpus when it holds any entity.
 */
export class ImportRegistry {
  private constructor(private registry: EntityRegistry) {}

  /** The source folder's registry; one that cannot be read is reported and the import starts from an empty one. */
  static async of(sourceRoot: string, warnings: ImportProblem[]): Promise<ImportRegistry> {
    try {
      return new ImportRegistry((await readRegistry(sourceRoot)).registry);
    } catch (error) {
      warnings.push({ file: ENTITIES_FILE_NAME, line: 0, reason: `${(error as Error).message}; its entities are not imported`, why: { code: 'entitiesNotImported' } });
      return new ImportRegistry(emptyRegistry());
    }
  }

  /** Sets `entity` on each span whose link resolves; a `Hashiye:ID` the registry does not know is reported. */
  linkSpans(article: ImportedArticle, skipped: ImportProblem[]): void {
    const codePoints = Array.from(article.text);
    for (const span of article.spans) {
      if (!span.link) continue;
      const resolved = resolveImportedLink(this.registry, span.link, { type: span.type, text: codePoints.slice(span.start, span.end).join('') });
      this.registry = resolved.registry;
      if (resolved.entityId !== null) span.entity = resolved.entityId;
      else skipped.push({ ...article.origin, reason: `${span.id}: linked to the entity ${span.link.db === 'hashiye' ? span.link.id : span.link.qid}, which ${ENTITIES_FILE_NAME} does not hold; the link is not imported`, why: { code: 'entityUnknown', id: span.id, entity: span.link.db === 'hashiye' ? span.link.id : span.link.qid } });
    }
  }

  /** Writes `entities.json` into the new corpus folder when there is any entity. */
  async writeInto(folder: string): Promise<void> {
    if (this.registry.entities.length === 0) return;
    await writeFileAtomic(path.join(folder, ENTITIES_FILE_NAME), serializeRegistry(this.registry), { backup: false });
  }
}
