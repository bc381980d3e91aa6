import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { PortalApi } from './api/portal-api';
import { PortalApp } from './app/portal-app';

// The portal's CSP forbids eval: tell zod up front instead of letting it probe.
z.config({ jitless: true });

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <PortalApp api={new PortalApi()} />
  </StrictMode>,
);
