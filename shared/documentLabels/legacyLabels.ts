/**
 * Before document-label dimensions existed, `NAME.ann.json` had a flat `labels` array that
 * nothing in the app could set (tools and scripts wrote it). It migrates into `documentLabels`
 * as a multiple-choice dimension named `labels`, so nothing in it is lost: a tag set that does
 * not declare `labels` shows it as undeclared, and exports carry it as it is. `labels` is then
 * written empty.
 */
export const LEGACY_LABELS_DIMENSION = 'labels';

type JsonObject = Record<string, unknown>;

export function liftLegacyLabels(file: JsonObject): JsonObject {
  const legacy = Array.isArray(file.labels) ? file.labels.filter((label): label is string => typeof label === 'string') : [];
  if (legacy.length === 0) return file;
  const existing = typeof file.documentLabels === 'object' && file.documentLabels !== null && !Array.isArray(file.documentLabels) ? (file.documentLabels as JsonObject) : {};
  const earlier = existing[LEGACY_LABELS_DIMENSION];
  const merged = Array.isArray(earlier) ? [...new Set([...earlier.filter((label): label is string => typeof label === 'string'), ...legacy])] : legacy;
  return { ...file, labels: [], documentLabels: { ...existing, [LEGACY_LABELS_DIMENSION]: merged } };
}
