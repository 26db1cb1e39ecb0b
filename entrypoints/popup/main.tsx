import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@/components/common/i18n';
import { StoreGuard } from '@/components/common/StoreGuard';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/common/styles.css';
import { publishStoreChanges } from '@/lib/db/revision';

publishStoreChanges();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <I18nProvider>
      <StoreGuard>
        <PopupApp />
      </StoreGuard>
    </I18nProvider>,
  );
