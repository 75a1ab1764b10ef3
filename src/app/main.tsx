import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installConsoleApi } from './consoleApi';
import { startFrameStats } from './frameStats';
import { initGpu } from './gpu';
import './styles.css';
import { startTheme } from './theme';
import { startUrlSync } from './urlSync';
import { startJobsWorker } from '../state/jobsClient';

const container = document.getElementById('root');
if (!container) throw new Error('SSM Lab: #root element missing from index.html');

startUrlSync();
startJobsWorker();
startTheme();
startFrameStats();
const api = installConsoleApi();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void initGpu(api);
