import { render } from 'preact';
import { ReviewPopup } from '@/components/ReviewPopup';
import { tabIdFromLocation } from '@/lib/review';
import '@/components/styles.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('popupHeading');
render(<ReviewPopup tabId={tabIdFromLocation(location.search)} />, document.getElementById('app')!);
