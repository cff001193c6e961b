import type { BratOrphans } from '../services/brat/bratCorpusCheck';

const LISTED = 20;

/**
 * The orphans of a brat corpus in the words `validate`, `stats` and `export` all print, so the
 * three commands report the same files: `.ann` without `.txt`, and `.txt` without `.ann` in a
 * brat corpus. Empty when there are none.
 */
export function describeBratOrphans(orphans: BratOrphans): string {
  const section = (title: string, files: readonly string[]): string => {
    if (files.length === 0) return '';
    const lines = files.slice(0, LISTED).map((file) => `  ${file}`);
    if (files.length > LISTED) lines.push(`  ... and ${files.length - LISTED} more (hashiye validate lists all)`);
    return `${title} (${files.length}):\n${lines.join('\n')}\n`;
  };
  return section('brat .ann files without their .txt (not read)', orphans.annWithoutText) + section('Articles without an .ann in this brat corpus', orphans.textWithoutAnn);
}
