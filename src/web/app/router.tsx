import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Outlet, useRouteError } from 'react-router-dom';
import { SignInPage } from '../auth/sign-in.js';
import { AppShell } from '../components/app-shell.js';
import { Page } from '../components/page.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { consoleRoutes } from '../console/routes.js';
import { portalRoutes } from '../portal/routes.js';
import { HomeRedirect, useSessionLanguage } from './guards.js';

function Root() {
  useSessionLanguage();
  return <Outlet />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <AppShell home="/">
      <Page title={t('web:notFound.title')} width="narrow">
        <p>{t('web:notFound.text')}</p>
        <Link to="/" className="button button--primary">
          {t('web:notFound.home')}
        </Link>
      </Page>
    </AppShell>
  );
}

function Crash() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <AppShell home="/">
      <Page title={t('web:crash.title')} width="narrow">
        <ProblemAlert error={error} />
        <p>{t('web:crash.text')}</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('web:crash.reload')}
        </button>
      </Page>
    </AppShell>
  );
}

/**
 * Every screen. Customers live under /portal, staff under /console (see portal/routes.tsx and
 * console/routes.tsx); the server sends index.html for any other browser navigation.
 */
export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <Crash />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/sign-in', element: <SignInPage /> },
      portalRoutes,
      consoleRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
]);
