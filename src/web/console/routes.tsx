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
    { path: 'callbacks', lazy: () => import('./callbacks-queue.js').then((m) => ({ Component: m.CallbacksQueuePage })) },
    { path: 'canned-replies', lazy: () => import('./canned-replies.js').then((m) => ({ Component: m.CannedRepliesPage })) },
    { path: 'reports', lazy: () => import('./reports/reports-page.js').then((m) => ({ Component: m.ReportsPage })) },
    { path: 'account', lazy: () => import('../account/profile-page.js').then((m) => ({ Component: m.ProfilePage })) },
    {
      // Administration (admins only): its own sub-navigation (admin/admin-layout.tsx), one line per screen.
      path: 'admin',
      lazy: () =>
        import('./admin/admin-layout.js').then((m) => ({
          Component: () => (
            <RequireRole roles={['admin']}>
              <m.AdminLayout />
            </RequireRole>
          ),
        })),
      children: [
        { index: true, element: <Navigate to="users" replace /> },
        { path: 'users', lazy: () => import('./admin/users-page.js').then((m) => ({ Component: m.UsersPage })) },
        { path: 'calendars', lazy: () => import('./admin/calendars-page.js').then((m) => ({ Component: m.CalendarsPage })) },
        { path: 'calendars/:id', lazy: () => import('./admin/calendar-edit-page.js').then((m) => ({ Component: m.CalendarEditPage })) },
        { path: 'organizations', lazy: () => import('./admin/organizations-page.js').then((m) => ({ Component: m.OrganizationsPage })) },
        { path: 'products', lazy: () => import('./admin/products-page.js').then((m) => ({ Component: m.ProductsPage })) },
        { path: 'plans', lazy: () => import('./admin/plans-page.js').then((m) => ({ Component: m.PlansPage })) },
        { path: 'licences', lazy: () => import('./admin/licences-page.js').then((m) => ({ Component: m.LicencesPage })) },
        { path: 'contracts', lazy: () => import('./admin/contracts-page.js').then((m) => ({ Component: m.ContractsPage })) },
        { path: 'kb', lazy: () => import('./admin/kb-articles-page.js').then((m) => ({ Component: m.KbArticlesPage })) },
        { path: 'kb/:id', lazy: () => import('./admin/kb-article-edit-page.js').then((m) => ({ Component: m.KbArticleEditPage })) },
        { path: 'sla-policies', lazy: () => import('./admin/sla-policies-page.js').then((m) => ({ Component: m.SlaPoliciesPage })) },
        { path: 'sla-policies/:id', lazy: () => import('./admin/sla-policy-edit-page.js').then((m) => ({ Component: m.SlaPolicyEditPage })) },
      ],
    },
  ],
};
