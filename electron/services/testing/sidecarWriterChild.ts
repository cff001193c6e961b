/**
 * A Hashiye process writing one kind of corpus file in a loop, for sidecarFiles.crash.test.ts
 * (#17): bundled and spawned by the test, it writes through the real owning service until the
 * test kills it with SIGKILL. Every round switches between two versions (A, B), so a torn write
 * passes for neither.
 *
 * argv: KIND ROOT FIRST [at-rename], KIND one of entities | metadata | pretag | zones, FIRST 0
 * (version B first) or 1 (version A first), so either may be the one on disk when a kill comes
 * early (sidecarVersions.ts names the versions and the article). Prints `round MS` after each
 * complete round (MS: how long it took), so the test can time its kill to land inside a later
 * one whatever the machine's load. With `at-rename`, every rename of a finished temporary file
 * over its target is announced with `renaming` and held back a moment, so the test can kill the
 * process at the one instant a random kill may miss: new bytes complete beside the old file.
 */
import { editRegistry } from '../entities/entityRegistryFile';
import { saveArticleMetadata } from '../metadata/articleMetadataFile';
import { runPretag } from '../pretag/pretagRun';
import { decideFooter, scanFooterProposals } from '../zones/footerProposals';
import { saveAnnotationFileAt } from '../storage/annotationFileAtPath';
import { annotationPathFor } from '../storage/annotationStore';
import { decodeArticle } from '../article/articleDecoder';
import { readArticleBytes } from '../corpus/confinedReaders';
import { SIDECAR_ARTICLE, SIDECAR_ARTICLE_ID, sidecarGazetteer, sidecarMetadata, sidecarRegistry, type SidecarKind } from './sidecarVersions';
import { promises as fs } from 'node:fs';
import path from 'node:path';

type Round = (round: number) => Promise<unknown>;

async function roundOf(kind: SidecarKind, root: string): Promise<Round> {
  const articlePath = path.join(root, SIDECAR_ARTICLE);
  switch (kind) {
    case 'entities':
      return (round) => editRegistry(root, () => ({ registry: sidecarRegistry(round % 2 === 0 ? 'B' : 'A'), result: null }));
    case 'metadata':
      return (round) => saveArticleMetadata(root, articlePath, sidecarMetadata(round % 2 === 0 ? 'B' : 'A'));
    case 'pretag':
      return (round) => runPretag(root, { as: 'gazetteer', source: { kind: 'gazetteer', entries: sidecarGazetteer(round % 2 === 0 ? 'B' : 'A') }, articles: [SIDECAR_ARTICLE_ID] });
    case 'zones': {
      const [proposal] = (await scanFooterProposals(root)).proposals;
      const article = decodeArticle((await readArticleBytes(root, articlePath)).bytes);
      // Accept the footer (a boilerplate zone), then take the zone away again, and so on.
      return (round) =>
        round % 2 === 0
          ? decideFooter(root, proposal.key, [SIDECAR_ARTICLE_ID], 'accept')
          : saveAnnotationFileAt(annotationPathFor(articlePath), articlePath, article, { extra: { zones: [] } });
    }
  }
}

/** How long a rename waits after being announced: long enough for the test's kill to arrive first. */
const RENAME_HOLD_MS = 2_000;

function announceRenames(): void {
  const rename = fs.rename.bind(fs);
  fs.rename = async (from, to) => {
    if (String(from).endsWith('.tmp')) {
      process.stdout.write('renaming\n');
      await new Promise((resolve) => setTimeout(resolve, RENAME_HOLD_MS));
    }
    return rename(from, to);
  };
}

async function main(): Promise<void> {
  const [kind, root, first, mode] = process.argv.slice(2) as [SidecarKind, string, string | undefined, string | undefined];
  if (mode === 'at-rename') announceRenames();
  const round = await roundOf(kind, root);
  for (let index = Number(first ?? 0); ; index++) {
    const started = performance.now();
    await round(index);
    process.stdout.write(`round ${Math.ceil(performance.now() - started)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
