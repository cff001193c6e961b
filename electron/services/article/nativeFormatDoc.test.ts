import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationFileSchema, NATIVE_FORMAT_VERSION, SourceInfoSchema, StoredAnnotationSchema, StoredRelationSchema } from '../../../shared/model/nativeFormat';
import { findOffsetProblem, parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { decodeArticle } from './articleDecoder';

const documentation = path.resolve(import.meta.dirname, '../../../docs/native-format.md');

/** The example in docs/native-format.md must stay a valid file for the article it describes. */
describe('docs/native-format.md', () => {
  it('its example parses, matches the described article byte for byte, and documents the current version', async () => {
    const markdown = await fs.readFile(documentation, 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(markdown)?.[1];
    expect(example).toBeDefined();
    const parsed = parseAnnotationFile(example ?? '');
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const article = decodeArticle(Buffer.from('خبر 😀 فوری\r\nسرلشکر باقری به دمشق رفت.\r\n', 'utf8'));
    expect(parsed.file.source.sha256).toBe(article.sha256);
    expect(parsed.file.source.length).toBe(Array.from(article.text).length);
    expect(findOffsetProblem(parsed.file, Array.from(article.text))).toBeNull();
    expect(markdown).toContain(`format version ${NATIVE_FORMAT_VERSION}`);
  });

  it('documents every field of the schema', async () => {
    const markdown = await fs.readFile(documentation, 'utf8');
    for (const schema of [AnnotationFileSchema, StoredAnnotationSchema, StoredRelationSchema, SourceInfoSchema]) {
      for (const field of Object.keys(schema.shape)) expect(markdown, field).toContain(`\`${field}\``);
    }
  });
});
