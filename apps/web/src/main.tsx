import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app';
import { prefetchCalendar } from './features/calendar/calendar-prefetch';
import './i18n/index';
import './ui/styles.css';

// Marks for a performance trace of the first load (see bench/results.md, web calendar).
performance.mark('cadence:js-run');
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
const queryClient = createQueryClient();
prefetchCalendar(queryClient, window.location);
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
