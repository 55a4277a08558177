import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { useLiveEvents } from '../api/live-events.js';
import { AppShell } from '../components/app-shell.js';

/** The customer portal's frame: my requests, a new request; threads refresh live when support answers. */
export function PortalLayout() {
  const { t } = useTranslation();
  useLiveEvents(true);
  return (
    <AppShell
      home="/portal"
      nav={
        <>
          <NavLink to="/portal" end className="topbar__link">
            {t('portal:nav.requests')}
          </NavLink>
          <NavLink to="/portal/new" className="topbar__link">
            {t('portal:nav.new')}
          </NavLink>
          <NavLink to="/portal/callback" className="topbar__link">
            {t('callbacks:portal.nav')}
          </NavLink>
        </>
      }
    >
      <Outlet />
    </AppShell>
  );
}
