import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CAPTURE_FIELDS, type CaptureField } from '@/lib/capture';
import { checkForm, FORM_FIELDS, type FormErrors, type FormField as FieldName, type FormValues } from '@/lib/contact-form';
import { commentLabels } from '@/lib/comment-labels';
import { discardDraft, refreshDerivedIds, saveDraft, switchPerson, targetValue, type Draft } from '@/lib/draft';
import {
  captureFailureText,
  fieldErrorText,
  fieldLabel,
  formFieldOfRequestField,
  sendErrorReason,
  sendErrorText,
} from '@/lib/error-text';
import { formatDateTime, formatTimeOfDay } from '@/lib/format';
import { normalisePhone } from '@/lib/phone-normalise';
import { findPreviousSend, loadHistory, withoutKnownOrganization, type HistoryEntry } from '@/lib/history';
import { t } from '@/lib/i18n';
import { sendRequest, type ResponseFor, type SendError } from '@/lib/messages';
import { recapture, startReview, type ReviewStart } from '@/lib/review';
import type { Settings } from '@/lib/settings';
import { CountryList } from './CountryList';
import { FormField } from './FormField';
import { Notice } from './Notice';
import { OutboxList } from './OutboxList';

type SendSuccess = Extract<ResponseFor<'send-contact'>, { ok: true }>;

type Phase =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'editing'; draft: Draft; settings: Settings; notice?: string; captureFailure?: string }
  | { kind: 'sent'; result: SendSuccess }
  | { kind: 'queued'; retryAt: number; error: SendError };

// Fields whose value can come straight from a capture, and so show provenance.
const CAPTURED_FORM_FIELDS = new Set<string>(CAPTURE_FIELDS);

export function ReviewPopup({ tabId }: { tabId: number | undefined }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [hasKey, setHasKey] = useState(true);

  const show = (start: ReviewStart) => {
    if (start.kind === 'no-tab') {
      setPhase({ kind: 'no-tab' });
      return;
    }
    setPhase({
      kind: 'editing',
      draft: start.draft,
      settings: start.settings,
      notice: start.restored ? t('statusDraftRestored') : undefined,
      captureFailure: start.captureFailure ? captureFailureText(start.captureFailure) : undefined,
    });
  };

  useEffect(() => {
    void sendRequest({ type: 'get-key-status' }).then((response) => {
      setHasKey(!response.ok || response.status.hasKey);
    });
    void startReview(tabId).then(show);
  }, [tabId]);

  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      {!hasKey && (
        <Notice tone="info">
          <p>{t('statusNoKey')}</p>
          <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('buttonOpenOptions')}
          </button>
        </Notice>
      )}
      <OutboxList />
      {phase.kind === 'loading' && <Notice tone="info">{t('statusCapturing')}</Notice>}
      {phase.kind === 'no-tab' && <Notice tone="error">{t('statusNoTab')}</Notice>}
      {phase.kind === 'editing' && (
        <DraftForm
          key={`${phase.draft.createdAt}-${phase.draft.personIndex ?? 'main'}`}
          draft={phase.draft}
          settings={phase.settings}
          notice={phase.notice}
          captureFailure={phase.captureFailure}
          onSent={(result) => setPhase({ kind: 'sent', result })}
          onQueued={(retryAt, error) => setPhase({ kind: 'queued', retryAt, error })}
          onSwitchPerson={(draft) => setPhase({ ...phase, draft, notice: undefined })}
          onRecapture={() => {
            setPhase({ kind: 'loading' });
            void recapture(tabId).then(show);
          }}
        />
      )}
      {phase.kind === 'queued' && (
        <section class="sent">
          <Notice tone="info">
            <p>{sendErrorReason(phase.error)}</p>
            <p>{t('sendQueued', formatTimeOfDay(phase.retryAt))}</p>
          </Notice>
          <div class="actions">
            <button
              type="button"
              class="primary"
              onClick={() => {
                setPhase({ kind: 'loading' });
                void recapture(tabId).then(show);
              }}
            >
              {t('buttonNewCapture')}
            </button>
          </div>
        </section>
      )}
      {phase.kind === 'sent' && (
        <SentSummary
          result={phase.result}
          onNewCapture={() => {
            setPhase({ kind: 'loading' });
            void recapture(tabId).then(show);
          }}
        />
      )}
      <footer class="popup-footer">
        <button
          type="button"
          class="link-button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/sent-contacts.html') })}
        >
          {t('linkHistory')}
        </button>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('linkOptions')}
        </button>
      </footer>
    </main>
  );
}

interface DraftFormProps {
  draft: Draft;
  settings: Settings;
  notice?: string;
  captureFailure?: string;
  onSent: (result: SendSuccess) => void;
  onQueued: (retryAt: number, error: SendError) => void;
  onSwitchPerson: (draft: Draft) => void;
  onRecapture: () => void;
}

// Editing these can change the derived contact or organization id.
const IDENTITY_FIELDS = new Set<FieldName>(['email', 'name', 'organization']);

function DraftForm({ draft, settings, notice, captureFailure, onSent, onQueued, onSwitchPerson, onRecapture }: DraftFormProps) {
  const [values, setValues] = useState<FormValues>(draft.values);
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<SendError | undefined>();
  const [history, setHistory] = useState<HistoryEntry[]>([]);

  useEffect(() => {
    void loadHistory(settings.historyRetentionDays).then(setHistory);
  }, [settings.historyRetentionDays]);

  const linkedin = targetValue(draft, 'linkedin');
  const previous = findPreviousSend(history, { email: values.email, linkedin, phone: normalisePhone(values.phone, settings.defaultCountry) });

  // A person sent before keeps the id they were sent with, unless the user typed another id.
  useEffect(() => {
    if (!previous || values.externalId === previous.externalId) return;
    if (values.externalId !== '' && values.externalId !== draft.derivedExternalId) return;
    draft.derivedExternalId = previous.externalId;
    void save({ ...values, externalId: previous.externalId });
  }, [previous?.externalId]);

  const check = useMemo(
    () =>
      checkForm(values, {
        defaultCountry: settings.defaultCountry,
        derivedOrganizationId: draft.derivedOrganizationId,
        normalisePhone,
      }),
    [values, settings.defaultCountry, draft.derivedOrganizationId],
  );
  const nothingFound = !captureFailure && CAPTURE_FIELDS.every((field) => !draft.capture.fields[field]);

  const save = async (next: FormValues) => {
    setValues(next);
    await saveDraft({ ...draft, values: next });
  };

  const update = async (field: FieldName, value: string) => {
    let next = { ...values, [field]: value };
    if (IDENTITY_FIELDS.has(field)) next = await refreshDerivedIds(draft, next, settings);
    setSendError(undefined);
    await save(next);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setAttempted(true);
    if (!check.request || sending) return;

    setSending(true);
    setSendError(undefined);
    const request = withoutKnownOrganization(check.request, history);
    const response = await sendRequest({ type: 'send-contact', ...request, linkedin });
    setSending(false);
    if (response.ok) {
      await discardDraft(draft.pageUrl);
      onSent(response);
    } else if (response.retryAt !== undefined) {
      // The outbox contains the contact now and retries it, so the draft is no longer needed.
      await discardDraft(draft.pageUrl);
      onQueued(response.retryAt, response.error);
    } else {
      setSendError(response.error);
    }
  };

  const [initialValues] = useState(draft.values);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const edited = FORM_FIELDS.some((field) => values[field] !== initialValues[field]);

  // Reading the page again replaces the draft, so edits made since opening are confirmed first.
  const discard = async () => {
    if (edited && !confirmingDiscard) {
      setConfirmingDiscard(true);
      return;
    }
    await discardDraft(draft.pageUrl);
    onRecapture();
  };

  const errorFor = (field: FieldName): string | undefined => {
    const serverMessages = Object.entries(sendError?.fieldErrors ?? {})
      .filter(([requestField]) => formFieldOfRequestField(requestField) === field)
      .flatMap(([, messages]) => messages);
    if (serverMessages.length > 0) return serverMessages.join(' ');
    const error = visibleError(check.errors, field, values, attempted);
    return error ? fieldErrorText(error, field) : undefined;
  };

  const field = (name: FieldName, extra: Partial<Parameters<typeof FormField>[0]> = {}) => (
    <FormField
      field={name}
      value={values[name]}
      onInput={(value) => void update(name, value)}
      captured={
        CAPTURED_FORM_FIELDS.has(name) && draft.personIndex === undefined ? draft.capture.fields[name as CaptureField] : undefined
      }
      error={errorFor(name)}
      {...extra}
    />
  );

  const phoneHint = phoneNormalisationHint(values, settings.defaultCountry);

  return (
    <form class="review" onSubmit={(event) => void submit(event)} noValidate>
      {notice && <Notice tone="info">{notice}</Notice>}
      {captureFailure && <Notice tone="error">{captureFailure}</Notice>}
      {draft.capture.truncated && <Notice tone="info">{t('statusPageTruncated')}</Notice>}
      {nothingFound && <Notice tone="info">{t('statusNothingFound')}</Notice>}
      <PersonPicker
        draft={draft}
        onPick={async (personIndex) => {
          const switched = await switchPerson(draft, personIndex, settings, commentLabels());
          await saveDraft(switched);
          onSwitchPerson(switched);
        }}
      />
      {previous && values.externalId === previous.externalId && (
        <Notice tone="info">{t('previousSend', [formatDateTime(previous.sentAt), previous.externalId])}</Notice>
      )}

      {field('name', { autoComplete: 'off' })}
      {field('email', { type: 'email' })}
      {field('phone', { type: 'tel', hint: phoneHint })}
      {field('address')}
      <div class="field-row">
        {field('zip')}
        {field('city')}
      </div>
      {field('country', { list: 'country-codes' })}
      <CountryList id="country-codes" />
      {field('organization')}
      {field('externalOrganizationId', {
        hint: values.externalOrganizationId && values.externalOrganizationId === draft.derivedOrganizationId ? t('hintOrganizationId') : undefined,
      })}
      {field('status')}
      {field('comment', { multiline: true })}
      {field('externalId', { hint: t('hintExternalId') })}

      {attempted && !check.identifiesContact && <Notice tone="error">{t('errorNoIdentity')}</Notice>}
      {attempted && Object.keys(check.errors).length > 0 && <Notice tone="error">{t('errorFixFields')}</Notice>}
      {sendError && (
        <Notice tone="error">
          <p>{sendErrorText(sendError)}</p>
          {sendError.serverMessage && <p>{t('sendServerMessage', sendError.serverMessage)}</p>}
          <UnmappedFieldErrors errors={sendError.fieldErrors} />
        </Notice>
      )}

      <div class="actions">
        <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
          {sending ? t('buttonSending') : t('buttonSend')}
        </button>
        <button type="button" onClick={() => void discard()} disabled={sending}>
          {confirmingDiscard ? t('buttonConfirmDiscard') : t('buttonRecapture')}
        </button>
        {confirmingDiscard && (
          <button type="button" onClick={() => setConfirmingDiscard(false)}>
            {t('buttonKeepEdits')}
          </button>
        )}
      </div>
      {confirmingDiscard && <Notice tone="info">{t('statusConfirmDiscard')}</Notice>}
    </form>
  );
}

/** Lets the user make another person on the page the contact, such as an earlier sender in a thread. */
function PersonPicker({ draft, onPick }: { draft: Draft; onPick: (personIndex: number | undefined) => void }) {
  const people = draft.capture.people ?? [];
  if (people.length === 0) return null;
  const describe = (person: { name?: string; email?: string }) =>
    [person.name, person.email && `<${person.email}>`].filter(Boolean).join(' ');
  const main = { name: draft.capture.fields.name?.value, email: draft.capture.fields.email?.value };

  return (
    <div class="field">
      <label for="person-picker">{t('personPickerLabel')}</label>
      <select
        id="person-picker"
        value={draft.personIndex === undefined ? 'main' : String(draft.personIndex)}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onPick(value === 'main' ? undefined : Number(value));
        }}
      >
        <option value="main">{describe(main) || t('personPickerMain')}</option>
        {people.map((person, index) => (
          <option value={String(index)}>{describe(person)}</option>
        ))}
      </select>
    </div>
  );
}

/** Server messages for request fields the form does not show, such as an unknown field. */
function UnmappedFieldErrors({ errors }: { errors?: Record<string, string[]> }) {
  const unmapped = Object.entries(errors ?? {}).filter(([field]) => !formFieldOfRequestField(field));
  if (unmapped.length === 0) return null;
  return (
    <ul>
      {unmapped.map(([field, messages]) => (
        <li>{t('serverFieldError', [field, messages.join(' ')])}</li>
      ))}
    </ul>
  );
}

function SentSummary({ result, onNewCapture }: { result: SendSuccess; onNewCapture: () => void }) {
  const id = result.record.external_id;
  return (
    <section class="sent">
      <Notice tone="success">
        <p>{result.status === 201 ? t('sendCreated', id) : t('sendUpdated', id)}</p>
        {result.record.uuid && <p>{t('sendRecordUuid', result.record.uuid)}</p>}
        {result.message && <p>{t('sendServerMessage', result.message)}</p>}
      </Notice>
      <dl class="sent__fields">
        {(['name', 'email', 'phone', 'external_organization_id', 'status'] as const).map((key) =>
          result.record[key] ? (
            <>
              <dt>{fieldLabel(formFieldOfRequestField(key) ?? 'name')}</dt>
              <dd>{result.record[key]}</dd>
            </>
          ) : null,
        )}
      </dl>
      <div class="actions">
        <button type="button" class="primary" onClick={onNewCapture}>
          {t('buttonNewCapture')}
        </button>
      </div>
    </section>
  );
}

/** Shows "required" only after a send attempt, and format errors as soon as a value is there. */
function visibleError(errors: FormErrors, field: FieldName, values: FormValues, attempted: boolean) {
  const error = errors[field];
  if (!error) return undefined;
  if (attempted || values[field].trim() !== '') return error;
  return undefined;
}

function phoneNormalisationHint(values: FormValues, defaultCountry: string): string | undefined {
  const typed = values.phone.trim();
  if (!typed) return undefined;
  const country = values.country.trim().toUpperCase() || defaultCountry;
  const normalised = normalisePhone(typed, country);
  return normalised && normalised !== typed ? t('hintPhoneNormalised', normalised) : undefined;
}
