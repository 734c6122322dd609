import { render } from 'preact';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/styles.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('optionsTitle');
render(<OptionsPage />, document.getElementById('app')!);
