import { checkAnnotatorName } from '../../shared/curation/annotatorName';

/** An annotator's name from a request as it names a file: trimmed and NFC (the contract already refused unusable names). */
export function annotatorName(raw: string): string {
  const checked = checkAnnotatorName(raw);
  if (!checked.ok) throw new Error(`Not a usable annotator name: ${checked.reason}`);
  return checked.name;
}
