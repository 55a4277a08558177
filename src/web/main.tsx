import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Placeholder home until the portal and console land (issue 7): points to the API and its docs. */
function Home() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '4rem auto', padding: '0 1rem' }}>
      <h1>Guichet</h1>
      <p>
        The API is at <a href="/api/v1/openapi.json">/api/v1</a>; its documentation at <a href="/docs/">/docs</a>.
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Home />
  </StrictMode>,
);
