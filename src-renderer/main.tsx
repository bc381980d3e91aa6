import '@vitejs/plugin-react/preamble';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { createDefaultApi } from './app/api';
import { bootstrap } from './app/bootstrap';
import { Root } from './app/root';

// Our CSP forbids eval: tell zod up front instead of letting it probe (and log a violation).
z.config({ jitless: true });

const api = createDefaultApi();
const ready = bootstrap(api, window.location);
// The app beyond the start-up screen is a chunk of its own: fetch it while start-up runs.
const app = import('./app/started-app');
const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <Root api={api} ready={ready} app={app} />
  </StrictMode>,
);
