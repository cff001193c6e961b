import path from 'node:path';
import type { BratConfiguration } from '../../../shared/brat/confPlacement';
import { CONFIGURATION_FILE_BYTES, readCorpusFile } from '../corpus/corpusFileAccess';
import { decodeUtf8Strictly } from '../article/strictUtf8';
import { ANNOTATION_CONF, foldersWithAnnotationConf } from './bratStore';

/**
 * Every `annotation.conf` of a brat corpus with the folder that holds it, for an export that
 * writes each one back where it was. Read through the corpus's confined reader (a link that
 * leads out of the corpus is not followed). A file whose bytes would not come back the same
 * from its text (not UTF-8) is left out, with its folder named in `unreadable`: the export
 * then makes one up for the articles it governed rather than write other bytes under its name.
 */
export async function readBratConfigurations(root: string): Promise<{ configurations: BratConfiguration[]; unreadable: string[] }> {
  const configurations: BratConfiguration[] = [];
  const unreadable: string[] = [];
  for (const folder of await foldersWithAnnotationConf(root)) {
    const relative = path.relative(path.resolve(root), folder).split(path.sep).join('/');
    let content: string | null = null;
    try {
      const read = await readCorpusFile(root, path.join(folder, ANNOTATION_CONF), { maxBytes: CONFIGURATION_FILE_BYTES });
      content = read === null ? null : decodeUtf8Strictly(read.bytes, 'keep');
    } catch {
      content = null;
    }
    if (content === null) unreadable.push(relative);
    else configurations.push({ folder: relative, content });
  }
  return { configurations, unreadable };
}
