import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@/components/common/i18n';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import '@/components/common/styles.css';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <I18nProvider>
      <SidePanelApp />
    </I18nProvider>,
  );
