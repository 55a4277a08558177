import { useTranslation } from 'react-i18next';

/** "Show more" under a cursor-paginated list. */
export function LoadMore({ hasMore, loading, onMore, shown }: { hasMore: boolean; loading: boolean; onMore: () => void; shown: number }) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      <span className="hint">{t('web:list.shown', { count: shown })}</span>
      {hasMore ? (
        <button type="button" className="button button--secondary" onClick={onMore} disabled={loading}>
          {loading ? t('web:loading') : t('web:list.more')}
        </button>
      ) : null}
    </div>
  );
}
