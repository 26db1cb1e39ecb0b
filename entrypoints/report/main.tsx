import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@/components/common/i18n';
import { ReportPage } from '@/components/report/ReportPage';
import '@/components/common/styles.css';

const params = new URLSearchParams(location.search);
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <I18nProvider>
      <ReportPage planId={params.get('plan') ?? ''} week={params.get('week')} />
    </I18nProvider>,
  );
