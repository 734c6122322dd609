import { render } from 'preact';
import { HistoryPage } from '@/components/HistoryPage';
import '@/components/styles.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('historyTitle');
render(<HistoryPage />, document.getElementById('app')!);
