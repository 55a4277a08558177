import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { LiveStatus } from '../api/live-events.js';
import { accountOf } from '../app/paths.js';
import { useSession, useSessionActions } from '../api/session.js';
import { LanguageSwitch } from './language-switch.js';

/** The live-connection dot agents watch to know whether the screen is current. */
function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`live live--${status}`} role="status" title={t(`web:live.${status}Hint`)}>
      <span className="live__dot" aria-hidden="true" />
      <span className="live__text">{t(`web:live.${status}`)}</span>
    </span>
  );
}

/** The frame of every screen: skip link, banner with navigation, language and account, then the main region. */
export function AppShell({ nav, live, home, children }: { nav?: ReactNode; live?: LiveStatus; home: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { signOut } = useSessionActions();
  const navigate = useNavigate();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('web:skipToContent')}
      </a>
      <header className="topbar">
        <Link to={home} className="topbar__brand">
          <span className="topbar__logo" aria-hidden="true" />
          {t('web:brand')}
        </Link>
        {nav ? (
          <nav className="topbar__nav" aria-label={t('web:mainNav')}>
            {nav}
          </nav>
        ) : null}
        <div className="topbar__end">
          {live ? <LiveIndicator status={live} /> : null}
          <LanguageSwitch />
          {session ? (
            <div className="account">
              <Link to={accountOf(session.user.role)} className="account__name">
                {session.user.name}
              </Link>
              <button
                type="button"
                className="button button--ghost"
                onClick={() => void signOut().finally(() => navigate('/sign-in', { replace: true }))}
              >
                {t('web:signOut')}
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
