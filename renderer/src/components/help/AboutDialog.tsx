import { useEffect, useState } from 'react';
import type { AboutInfo } from '../../../../shared/desktopWire';
import { api } from '../../api';
import { helpCatalog } from '../../i18n/catalog/help';
import { useCatalog } from '../../i18n/useCatalog';
import { desktopActions, useDesktopStore } from '../../store/window/desktopStore';
import { ModalDialog } from '../app/ModalDialog';

/** Help › About: Hashiye's version, the runtime's, and the licences of the packages shipped with it. */
export function AboutDialog() {
  const open = useDesktopStore((state) => state.helpView === 'about');
  const [about, setAbout] = useState<AboutInfo | 'failed' | null>(null);
  useEffect(() => {
    if (!open) return;
    let current = true;
    api()
      .help.about({})
      .then((info) => current && setAbout(info))
      .catch(() => current && setAbout('failed'));
    return () => {
      current = false;
    };
  }, [open]);
  // (#25 heap) The sheet's body is compiled on the first opening; what it last showed is kept here.
  return open ? <AboutSheet about={about} /> : null;
}

function AboutSheet({ about }: { about: AboutInfo | 'failed' | null }) {
  const t = useCatalog(helpCatalog);
  const close = () => desktopActions.closeHelp();
  const version = (value: string) => (value ? <bdi dir="ltr">{value}</bdi> : <span className="muted">{t('aboutNotElectron')}</span>);
  return (
    <ModalDialog className="sheet about-dialog" label={t('aboutTitle')} onEscape={close} closeOnBackdrop testId="about-dialog">
      <h2>{t('aboutTitle')}</h2>
      <p>{t('aboutTagline')}</p>
      {about === 'failed' ? <p role="alert">{t('aboutLoadFailed')}</p> : null}
      {about && about !== 'failed' ? (
        <>
          <dl className="about-versions" data-testid="about-versions">
            <dt>{t('aboutVersion')}</dt>
            <dd>{version(about.appVersion)}</dd>
            <dt>{t('aboutElectron')}</dt>
            <dd>{version(about.electron)}</dd>
            <dt>{t('aboutChromium')}</dt>
            <dd>{version(about.chromium)}</dd>
            <dt>{t('aboutNode')}</dt>
            <dd>{version(about.node)}</dd>
          </dl>
          <h3>{t('aboutLicences', { count: about.licences.length })}</h3>
          <ul className="about-licences" data-testid="about-licences" dir="ltr">
            {about.licences.map((entry) => (
              <li key={`${entry.name}@${entry.version}`}>
                <details>
                  <summary>
                    {entry.name} {entry.version} — {entry.licence}
                  </summary>
                  <pre>{entry.text || t('aboutNoLicenceText')}</pre>
                </details>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" onClick={close}>
        {t('close')}
      </button>
    </ModalDialog>
  );
}
