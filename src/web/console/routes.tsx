import { Navigate, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../app/guards.js';
import { ConsoleLayout } from './console-layout.js';

/**
 * The agents' console and administration under /console. Add a page: a component in this folder
 * (admin pages in admin/) and a line here; pages load on demand.
 */
export const consoleRoutes: RouteObject = {
  path: '/console',
  element: (
    <RequireRole roles={['agent', 'admin']}>
      <ConsoleLayout />
    </RequireRole>
  ),
  children: [
    { index: true, element: <Navigate to="views/mine" replace /> },
    { path: 'views/:view', lazy: () => import('./ticket-list.js').then((m) => ({ Component: m.TicketListPage })) },
    { path: 'tickets/:ref', lazy: () => import('./ticket-view.js').then((m) => ({ Component: m.TicketViewPage })) },
    { path: 'reports', lazy: () => import('./reports/reports-page.js').then((m) => ({ Component: m.ReportsPage })) },
    { path: 'account', lazy: () => import('../account/profile-page.js').then((m) => ({ Component: m.ProfilePage })) },
    {
      path: 'admin/users',
      lazy: () =>
        import('./admin/users-page.js').then((m) => ({
          Component: () => (
            <RequireRole roles={['admin']}>
              <m.UsersPage />
            </RequireRole>
          ),
        })),
    },
  ],
};
