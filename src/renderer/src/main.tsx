import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startChangeFeed } from './stores/change-feed';
import { useSessionStore } from './stores/session-store';

document.documentElement.dataset.appState = 'loading';

startChangeFeed();
void useSessionStore.getState().init();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
