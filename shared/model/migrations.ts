import { NATIVE_FORMAT_ID, NATIVE_FORMAT_VERSION } from './nativeFormat';
import { liftLegacyLabels } from '../documentLabels/legacyLabels';

/**
 * Each migration lifts a parsed file from version N to N + 1. Files are migrated in memory
 * on read; they are written in the current version on the next save.
 */
type JsonObject = Record<string, unknown>;
type Migration = (file: JsonObject) => JsonObject;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 0 was the pre-release draft: `entities` with `label`, `begin` and `end`, and the
 * status under `state`. Nothing was ever shipped with it; it keeps the migration path honest.
 */
const fromVersion0: Migration = (file) => {
  const { entities, state, version: _version, ...rest } = file;
  const annotations = Array.isArray(entities)
    ? entities.map((entity) => {
        if (!isObject(entity)) return entity;
        const { label, begin, end, ...entityRest } = entity;
        return { ...entityRest, type: label, start: begin, end };
      })
    : [];
  return {
    ...rest,
    format: NATIVE_FORMAT_ID,
    version: 1,
    offsetUnit: rest.offsetUnit ?? 'codepoint',
    status: state ?? 'in-progress',
    annotations,
    relations: rest.relations ?? [],
    labels: rest.labels ?? [],
  };
};

const migrations: ReadonlyMap<number, Migration> = new Map([[0, fromVersion0]]);

export type MigrationResult =
  | { ok: true; file: JsonObject; migratedFrom: number | null }
  | { ok: false; message: string };

export function migrateToCurrent(file: JsonObject): MigrationResult {
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, message: 'The file has no numeric "version" field.' };
  }
  if (version > NATIVE_FORMAT_VERSION) {
    return { ok: false, message: `The file was written in format version ${version} by a newer Hashiye; this one reads up to version ${NATIVE_FORMAT_VERSION}.` };
  }
  let current = file;
  for (let step = version; step < NATIVE_FORMAT_VERSION; step++) {
    const migrate = migrations.get(step);
    if (!migrate) return { ok: false, message: `No migration from format version ${step}.` };
    current = migrate(current);
  }
  // (#21) In every version: the flat `labels` array moves into `documentLabels`.
  current = liftLegacyLabels(current);
  return { ok: true, file: current, migratedFrom: version === NATIVE_FORMAT_VERSION ? null : version };
}

export { isObject };
