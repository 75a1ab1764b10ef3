import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installConsoleApi } from './consoleApi';
import { startFrameStats } from './frameStats';
import './styles.css';
import { startUrlSync } from './urlSync';

const container = document.getElementById('root');
if (!container) throw new Error('SSM Lab: #root element missing from index.html');

startUrlSync();
startFrameStats();
installConsoleApi();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
