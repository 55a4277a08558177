import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useLiveEvents } from '../api/live-events.js';
import { useUser } from '../api/session.js';
import { AppShell } from '../components/app-shell.js';
import { ShortcutHelp } from './shortcuts.js';
import { TICKET_VIEWS } from './views.js';
import './console.css';

/** The agents' console: views on the side, live updates, shortcuts ("?" lists them). */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const live = useLiveEvents(true);
  const { pathname } = useLocation();
  const onTickets = pathname.startsWith('/console/views') || pathname.startsWith('/console/tickets');
  return (
    <AppShell
      home="/console"
      live={live}
      nav={
        <>
          <Link to="/console/views/mine" className="topbar__link" aria-current={onTickets ? 'page' : undefined}>
            {t('console:nav.tickets')}
          </Link>
          <NavLink to="/console/callbacks" className="topbar__link">
            {t('callbacks:console.nav')}
          </NavLink>
          <NavLink to="/console/reports" className="topbar__link">
            {t('reports:nav')}
          </NavLink>
          {user.role === 'admin' ? (
            <NavLink to="/console/admin/users" className="topbar__link">
              {t('console:nav.users')}
            </NavLink>
          ) : null}
        </>
      }
    >
      <div className="console">
        <nav className="sidenav" aria-label={t('console:nav.views')}>
          <h2 className="sidenav__title">{t('console:nav.views')}</h2>
          <ul>
            {TICKET_VIEWS.map((v) => (
              <li key={v.id}>
                <NavLink to={`/console/views/${v.id}`} className="sidenav__link">
                  {t(`console2:views.${v.id}`)}
                </NavLink>
              </li>
            ))}
          </ul>
          <ul>
            <li>
              <NavLink to="/console/canned-replies" className="sidenav__link">
                {t('console2:nav.canned')}
              </NavLink>
            </li>
          </ul>
          {user.role === 'admin' ? (
            <>
              <h2 className="sidenav__title">{t('console:nav.admin')}</h2>
              <ul>
                <li>
                  <NavLink to="/console/admin/users" className="sidenav__link">
                    {t('console:nav.users')}
                  </NavLink>
                </li>
              </ul>
            </>
          ) : null}
          <p className="sidenav__hint">{t('console:shortcuts.hint')}</p>
        </nav>
        <div className="console__content">
          <Outlet />
        </div>
      </div>
      <ShortcutHelp />
    </AppShell>
  );
}
