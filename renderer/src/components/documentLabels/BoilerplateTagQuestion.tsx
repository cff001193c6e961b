import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { tagInBoilerplateAfterAll } from '../../store/flows/editing';
import { zonesCatalog } from '../../i18n/catalog/zones';
import { useCatalog } from '../../i18n/useCatalog';
import { ModalDialog } from '../app/ModalDialog';

/**
 * (#21) Tagging inside boilerplate asks first, in the app's own modal (focus kept inside, Escape
 * cancels, focus back to the article): boilerplate is left out of exports, statistics and
 * agreement, so a tag there is most likely a slip. Cancel is the default answer.
 */
export function BoilerplateTagQuestion() {
  const pending = useArticleViewStore((state) => state.pendingBoilerplateTag);
  const t = useCatalog(zonesCatalog);
  if (!pending) return null;
  return (
    <ModalDialog className="sheet" role="alertdialog" labelledBy="boilerplate-tag-title" describedBy="boilerplate-tag-question" testId="boilerplate-tag-question" onEscape={() => articleViewActions.answerBoilerplateTag()}>
      <h2 id="boilerplate-tag-title">{t('tagInBoilerplateTitle')}</h2>
      <p id="boilerplate-tag-question">{t('tagInBoilerplateQuestion')}</p>
      <button type="button" autoFocus onClick={() => articleViewActions.answerBoilerplateTag()}>
        {t('cancel')}
      </button>{' '}
      <button type="button" className="primary" onClick={() => tagInBoilerplateAfterAll()}>
        {t('tagAnyway')}
      </button>
    </ModalDialog>
  );
}
