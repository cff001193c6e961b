/**
 * A Hashiye process writing one kind of corpus file in a loop, for sidecarFiles.crash.test.ts
 * (#17): bundled and spawned by the test, it writes through the real owning service until the
 * test kills it with SIGKILL. Every round switches between two versions (A, B), so a torn write
 * passes for neither.
 *
 * argv: KIND ROOT FIRST, KIND one of entities | metadata | pretag | zones, FIRST 0 (version B
 * first) or 1 (version A first), so either may be the one on disk when a kill comes early (sidecarVersions.ts names
 * the versions and the article). Prints `round MS` after each complete round (MS: how long it
 * took), so the test can time its kill to land inside a later one whatever the machine's load.
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

async function main(): Promise<void> {
  const [kind, root, first] = process.argv.slice(2) as [SidecarKind, string, string | undefined];
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
