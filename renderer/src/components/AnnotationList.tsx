import { useMessages } from '../i18n/useMessages';
import { deleteSelectedAnnotation, selectAnnotation } from '../store/actions';
import { useDocumentStore } from '../store/documentStore';
import { useSessionStore } from '../store/sessionStore';
import { useTagAppearance } from './useTagAppearance';

export function AnnotationList() {
  const annotations = useDocumentStore((state) => state.annotations);
  const selectedId = useSessionStore((state) => state.selectedAnnotationId);
  const appearance = useTagAppearance();
  const t = useMessages();
  return (
    <section className="annotation-list" aria-label={t('annotations')}>
      <h2>
        {t('annotations')} <span className="count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 ? <p className="hint">{t('noAnnotations')}</p> : null}
      <ul>
        {annotations.map((annotation) => {
          const look = appearance(annotation.type);
          return (
            <li key={annotation.id}>
              <button
                type="button"
                className={annotation.id === selectedId ? 'annotation-item selected' : 'annotation-item'}
                style={{ ['--tag-color' as string]: look.color }}
                onClick={() => {
                  selectAnnotation(annotation.id);
                  document.querySelector(`[data-annotation-id="${CSS.escape(annotation.id)}"]`)?.scrollIntoView({ block: 'center' });
                }}
              >
                <span className="tag-chip">{look.label}</span>
                <span className="annotation-text" dir="auto">{annotation.text}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {selectedId ? (
        <button type="button" className="danger" onClick={deleteSelectedAnnotation}>
          {t('deleteAnnotation')}
        </button>
      ) : null}
    </section>
  );
}
