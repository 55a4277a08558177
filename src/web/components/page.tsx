import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A screen's frame: sets the document title and puts focus on the heading, so screen readers announce the new page. */
export function Page(props: { title: string; actions?: ReactNode; children: ReactNode; focusHeading?: boolean; subtitle?: ReactNode; width?: 'narrow' | 'wide' }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { title, focusHeading = true } = props;
  useEffect(() => {
    document.title = t('web:documentTitle', { page: title });
  }, [t, title]);
  useEffect(() => {
    if (focusHeading) heading.current?.focus({ preventScroll: true });
  }, [focusHeading]);
  return (
    <div className={`page page--${props.width ?? 'wide'}`}>
      <div className="page__head">
        <div>
          <h1 ref={heading} tabIndex={-1} className="page__title">
            {title}
          </h1>
          {props.subtitle ? <div className="page__subtitle">{props.subtitle}</div> : null}
        </div>
        {props.actions ? <div className="page__actions">{props.actions}</div> : null}
      </div>
      {props.children}
    </div>
  );
}
