import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import './admin.css';

/** The administration screens, in the order the sub-navigation lists them. */
export const ADMIN_SECTIONS = ['users', 'organizations', 'products', 'plans', 'licences', 'contracts', 'calendars', 'sla-policies', 'kb'] as const;

/** Administration: a sub-navigation between the admin screens, then the screen. */
export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t('admin:nav.label')}>
        <ul className="admin-nav">
          {ADMIN_SECTIONS.map((s) => (
            <li key={s}>
              <NavLink to={`/console/admin/${s}`} className="admin-nav__link">
                {t(`admin:nav.${s}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
