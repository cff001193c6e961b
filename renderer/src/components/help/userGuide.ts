/// <reference types="vite/client" />
// The guide's texts, bundled into the window at build time: readable offline, and always the
// version of the docs the app was built with.
import readme from '../../../../README.md?raw';
import persianGuide from '../../../../docs/guide/fa.md?raw';
import agreement from '../../../../docs/agreement.md?raw';
import formats from '../../../../docs/formats.md?raw';
import importing from '../../../../docs/import.md?raw';
import install from '../../../../docs/install.md?raw';
import type { GuideSources } from './guideChapters';

export const USER_GUIDE_SOURCES: GuideSources = {
  readme,
  persianGuide,
  docs: [
    { id: 'agreement', markdown: agreement },
    { id: 'import', markdown: importing },
    { id: 'formats', markdown: formats },
    { id: 'install', markdown: install },
  ],
};
