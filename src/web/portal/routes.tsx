import type { RouteObject } from 'react-router-dom';
import { RequireRole } from '../app/guards.js';
import { PortalLayout } from './portal-layout.js';

/**
 * The customer portal under /portal. Add a page: a component in this folder and a line here;
 * pages load on demand, so staff never download the portal and customers never the console.
 */
export const portalRoutes: RouteObject = {
  path: '/portal',
  element: (
    <RequireRole roles={['customer']}>
      <PortalLayout />
    </RequireRole>
  ),
  children: [
    { index: true, lazy: () => import('./my-requests.js').then((m) => ({ Component: m.MyRequestsPage })) },
    { path: 'new', lazy: () => import('./new-request.js').then((m) => ({ Component: m.NewRequestPage })) },
    {
      path: 'requests/:ref',
      lazy: () =>
        Promise.all([import('./request-view.js'), import('./callback-link.js')]).then(([view, callback]) => ({
          Component: () => (
            <>
              <view.RequestViewPage />
              <callback.RequestCallbackPanel />
            </>
          ),
        })),
    },
    { path: 'callback', lazy: () => import('./callback-page.js').then((m) => ({ Component: m.CallbackPage })) },
    { path: 'requests/:ref/callback', lazy: () => import('./callback-page.js').then((m) => ({ Component: m.CallbackPage })) },
    { path: 'account', lazy: () => import('../account/profile-page.js').then((m) => ({ Component: m.ProfilePage })) },
  ],
};
