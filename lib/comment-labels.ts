import type { CommentLabels } from './draft';
import { t } from './i18n';

/** Labels for the lines of a draft's comment, in the browser's language. */
export function commentLabels(): CommentLabels {
  return {
    organization: t('commentOrganization'),
    jobTitle: t('commentJobTitle'),
    website: t('commentWebsite'),
    linkedin: t('commentLinkedIn'),
    capturedFrom: t('commentCapturedFrom'),
  };
}
