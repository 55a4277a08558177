import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { ApiError, setUnauthorizedHandler } from './api/client.js';
import { SESSION_KEY } from './api/session.js';
import { router } from './app/router.js';
import { setupI18n } from './i18n/i18n.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/thread.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Live events refresh what changed; a 4xx will not get better by asking again.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});
// The session ended elsewhere (expired, signed out in another tab): forget it; guards go to sign-in.
setUnauthorizedHandler(() => queryClient.setQueryData(SESSION_KEY, null));

void setupI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={null}>
          <RouterProvider router={router} />
        </Suspense>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
