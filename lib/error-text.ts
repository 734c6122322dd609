import { MAX_LENGTHS, type FieldError, type FormField } from './contact-form';
import { formatCount } from './format';
import type { CaptureFailure } from './capture-tab';
import type { SourceKind, Provenance } from './capture';
import { t, type MessageKey } from './i18n';
import type { SendError } from './messages';

/** Turns a failed send into one sentence: what failed and what to do next. */
export function sendErrorText(error: SendError): string {
  const status = String(error.status ?? '');
  switch (error.kind) {
    case 'unauthorized':
      return t('sendErrorUnauthorized', status);
    case 'not-found':
      return t('sendErrorNotFound');
    case 'rejected':
      return t('sendErrorRejected', status);
    case 'rate-limited':
      return error.retryAfterSeconds === undefined
        ? t('sendErrorRateLimitedNoWait')
        : t('sendErrorRateLimited', String(error.retryAfterSeconds));
    case 'server':
      return t('sendErrorServer', status);
    case 'network':
      return t('sendErrorNetwork');
    case 'timeout':
      return t('sendErrorTimeout');
    case 'invalid-response':
      return t('sendErrorInvalidResponse', status);
    case 'refused':
      return t('sendErrorRefused');
    case 'no-key':
      return t('sendErrorNoKey');
    case 'invalid-base-url':
      return t('sendErrorInvalidBaseUrl');
    case 'no-host-permission':
      return t('sendErrorNoHostPermission');
    case 'invalid-message':
    case 'internal':
      return t('sendErrorInternal');
  }
}

const REASON_KEYS: Record<SendError['kind'], MessageKey> = {
  unauthorized: 'reasonUnauthorized',
  'not-found': 'reasonNotFound',
  rejected: 'reasonRejected',
  'rate-limited': 'reasonRateLimited',
  server: 'reasonServer',
  network: 'reasonNetwork',
  timeout: 'reasonTimeout',
  'invalid-response': 'reasonInvalidResponse',
  refused: 'reasonRefused',
  'no-key': 'reasonNoKey',
  'invalid-base-url': 'reasonInvalidBaseUrl',
  'no-host-permission': 'reasonNoHostPermission',
  'invalid-message': 'reasonInternal',
  internal: 'reasonInternal',
};

/** Describes what failed, without advice, for a contact in the outbox rather than in a draft. */
export function sendErrorReason(error: SendError): string {
  return t(REASON_KEYS[error.kind], String(error.status ?? ''));
}

/** Says what to do about an outbox item that is no longer retried automatically. */
export function outboxAdvice(error: SendError): string {
  const contactProblem = error.kind === 'rejected' || error.kind === 'refused';
  return t(contactProblem ? 'outboxFixContact' : 'outboxFixSettings');
}

const FIELD_ERROR_KEYS: Record<FieldError, MessageKey> = {
  required: 'errorRequired',
  'invalid-external-id': 'errorInvalidExternalId',
  'invalid-email': 'errorInvalidEmail',
  'invalid-phone': 'errorInvalidPhone',
  'invalid-country': 'errorInvalidCountry',
  'too-long': 'errorTooLong',
};

export function fieldErrorText(error: FieldError, field?: FormField): string {
  const max = field === undefined ? undefined : MAX_LENGTHS[field];
  if (error === 'too-long' && max !== undefined) return t('errorTooLongMax', formatCount(max));
  return t(FIELD_ERROR_KEYS[error]);
}

const CAPTURE_FAILURE_KEYS: Record<CaptureFailure, MessageKey> = {
  'page-not-readable': 'statusPageNotReadable',
  'capture-invalid': 'statusCaptureInvalid',
};

export function captureFailureText(failure: CaptureFailure): string {
  return t(CAPTURE_FAILURE_KEYS[failure]);
}

const SOURCE_KEYS: Record<SourceKind, MessageKey> = {
  selection: 'sourceSelection',
  signature: 'sourceSignature',
  'webmail-header': 'sourceWebmailHeader',
  linkedin: 'sourceLinkedin',
  'json-ld': 'sourceJsonLd',
  microdata: 'sourceMicrodata',
  hcard: 'sourceHcard',
  mailto: 'sourceMailto',
  tel: 'sourceTel',
  'page-text': 'sourcePageText',
  'page-url': 'sourcePageUrl',
};

export function provenanceText(provenance: Provenance): string {
  const source = t(SOURCE_KEYS[provenance.source]);
  return provenance.line === undefined
    ? t('provenance', source)
    : t('provenanceLine', [source, String(provenance.line)]);
}

const FIELD_LABEL_KEYS: Record<FormField, MessageKey> = {
  externalId: 'fieldExternalId',
  name: 'fieldName',
  email: 'fieldEmail',
  phone: 'fieldPhone',
  address: 'fieldAddress',
  zip: 'fieldZip',
  city: 'fieldCity',
  country: 'fieldCountry',
  organization: 'fieldOrganization',
  externalOrganizationId: 'fieldExternalOrganizationId',
  status: 'fieldStatus',
  comment: 'fieldComment',
};

export function fieldLabel(field: FormField): string {
  return t(FIELD_LABEL_KEYS[field]);
}

/** Form field for a field name in a Thalamus request body, for showing a 422's per-field messages. */
export function formFieldOfRequestField(requestField: string): FormField | undefined {
  if (requestField === 'external_organization_id') return 'externalOrganizationId';
  if (requestField === 'external_id') return 'externalId';
  return requestField in FIELD_LABEL_KEYS ? (requestField as FormField) : undefined;
}
