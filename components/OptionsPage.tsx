import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isCountryCode } from '@/lib/contact-form';
import { clearHistory } from '@/lib/history';
import { t, type MessageKey } from '@/lib/i18n';
import { sendRequest, type KeyStatus } from '@/lib/messages';
import {
  checkApiKey,
  checkBaseUrl,
  cleanApiKey,
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  type ApiKeyWarning,
  type Settings,
} from '@/lib/settings';
import { Notice } from './Notice';
import { ShortcutsSection } from './ShortcutsSection';

const KEY_WARNING_KEYS: Record<ApiKeyWarning, MessageKey> = {
  'bearer-prefix': 'keyWarningBearer',
  whitespace: 'keyWarningWhitespace',
  quotes: 'keyWarningQuotes',
  'unusual-format': 'keyWarningUnusual',
};

export function OptionsPage() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <h2>{t('optionsConnection')}</h2>
      <ApiKeySection />
      <SettingsSection />
      <ShortcutsSection />
    </main>
  );
}

/** Key entry. The page never reads the stored key: it sends a new one to the worker and shows its last characters. */
function ApiKeySection() {
  const [status, setStatus] = useState<KeyStatus | undefined>();
  const [input, setInput] = useState('');
  const [visible, setVisible] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  useEffect(() => {
    void sendRequest({ type: 'get-key-status' }).then((response) => {
      if (response.ok) setStatus(response.status);
    });
  }, []);

  const warnings = input ? checkApiKey(input) : [];
  const keyInputProps = {
    id: 'api-key',
    value: input,
    autoComplete: 'off',
    spellcheck: false,
    'aria-describedby': 'api-key-help api-key-status api-key-warnings',
    onInput: (event: Event) => {
      setInput((event.currentTarget as HTMLInputElement).value);
      setMessage(undefined);
    },
  };

  const save = async () => {
    if (!input.trim()) {
      setMessage({ tone: 'error', text: t('optionsKeyEmpty') });
      return;
    }
    const response = await sendRequest({ type: 'set-api-key', apiKey: input });
    if (!response.ok) {
      setMessage({ tone: 'error', text: t('sendErrorInternal') });
      return;
    }
    setStatus(response.status);
    setInput('');
    // What still looks wrong after cleaning stays visible once the field is empty again.
    const remaining = checkApiKey(cleanApiKey(input)).map((warning) => t(KEY_WARNING_KEYS[warning]));
    setMessage(
      remaining.length > 0
        ? { tone: 'error', text: `${t('optionsKeySavedWithWarning')} ${remaining.join(' ')}` }
        : { tone: 'success', text: t('optionsKeySaved') },
    );
  };

  const clear = async () => {
    const response = await sendRequest({ type: 'clear-api-key' });
    if (response.ok) setStatus(response.status);
    setMessage({ tone: 'success', text: t('optionsKeyCleared') });
  };

  return (
    <section>
      <div class="field">
        <label id="api-key-label" for="api-key">
          {t('optionsApiKey')}
        </label>
        {/* Two elements because the input's type decides which attributes it takes. */}
        {visible ? <input type="text" {...keyInputProps} /> : <input type="password" {...keyInputProps} />}
        <p class="help" id="api-key-help">
          {t('optionsApiKeyHelp')}
        </p>
        <label class="checkbox">
          <input type="checkbox" checked={visible} onChange={(event) => setVisible(event.currentTarget.checked)} />
          {t('optionsShowKey')}
        </label>
        <p class="help" id="api-key-status" aria-live="polite">
          {status?.hasKey ? t('optionsKeySet', status.hint ?? '') : t('optionsKeyNotSet')}
        </p>
        <div id="api-key-warnings" aria-live="polite">
          {warnings.map((warning) => (
            <p class="field__error">{t(KEY_WARNING_KEYS[warning])}</p>
          ))}
        </div>
      </div>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void save()}>
          {t('optionsSaveKey')}
        </button>
        <button type="button" onClick={() => void clear()} disabled={!status?.hasKey}>
          {t('optionsClearKey')}
        </button>
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </section>
  );
}

type SettingsErrors = Partial<Record<keyof Settings, string>>;

type NumberSettingKey = 'historyRetentionDays' | 'requestTimeoutSeconds';

function numberTextsOf(settings: Settings): Record<NumberSettingKey, string> {
  return {
    historyRetentionDays: String(settings.historyRetentionDays),
    requestTimeoutSeconds: String(settings.requestTimeoutSeconds),
  };
}

/** Reads a whole number as typed, or NaN for anything else, which validation then reports. */
function parseWholeNumber(text: string): number {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

function isWholeNumberIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

type TextSettingKey = {
  [K in keyof Settings]: Settings[K] extends string ? (string extends Settings[K] ? K : never) : never;
}[keyof Settings];

function SettingsSection() {
  const [values, setValues] = useState<Settings>(DEFAULT_SETTINGS);
  // Number fields keep what was typed, so that an invalid entry can be shown and corrected.
  const [numberTexts, setNumberTexts] = useState(numberTextsOf(DEFAULT_SETTINGS));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  useEffect(() => {
    void loadSettings().then((loaded) => {
      setValues(loaded);
      setNumberTexts(numberTextsOf(loaded));
    });
  }, []);

  const change = (changes: Partial<Settings>) => {
    setValues({ ...values, ...changes });
    setMessage(undefined);
  };

  const set = (key: TextSettingKey) => (event: Event) => change({ [key]: (event.currentTarget as HTMLInputElement).value });

  const save = async (event: Event) => {
    event.preventDefault();
    const next = {
      ...values,
      defaultCountry: values.defaultCountry.trim().toUpperCase(),
      historyRetentionDays: parseWholeNumber(numberTexts.historyRetentionDays),
      requestTimeoutSeconds: parseWholeNumber(numberTexts.requestTimeoutSeconds),
    };
    const found = validateSettings(next);
    setErrors(found);
    const baseUrl = checkBaseUrl(next.baseUrl);
    if (Object.keys(found).length > 0 || !baseUrl.ok) {
      setMessage({ tone: 'error', text: t('optionsSaveFailed') });
      return;
    }

    // Called before any other await, so the browser still counts the click as the user gesture it requires.
    const granted = await browser.permissions.request({ origins: [`${baseUrl.origin}/*`] });
    if (!granted) {
      setMessage({ tone: 'error', text: t('optionsPermissionDenied', baseUrl.origin) });
      return;
    }
    setValues(await saveSettings({ ...next, baseUrl: baseUrl.url }));
    setMessage({ tone: 'success', text: t('optionsSaved') });
  };

  const input = (key: TextSettingKey, label: MessageKey, help?: MessageKey, placeholder?: string) => (
    <div class={`field${errors[key] ? ' field--invalid' : ''}`}>
      <label for={`setting-${key}`}>{t(label)}</label>
      <input
        id={`setting-${key}`}
        value={values[key]}
        placeholder={placeholder}
        spellcheck={false}
        aria-invalid={errors[key] ? 'true' : undefined}
        aria-describedby={[errors[key] ? `setting-${key}-error` : '', help ? `setting-${key}-help` : '']
          .filter(Boolean)
          .join(' ')}
        onInput={set(key)}
      />
      {errors[key] && (
        <p class="field__error" id={`setting-${key}-error`}>
          {errors[key]}
        </p>
      )}
      {help && (
        <p class="help" id={`setting-${key}-help`}>
          {t(help)}
        </p>
      )}
    </div>
  );

  const numberInput = (key: NumberSettingKey, label: MessageKey, help: MessageKey, max: number) => (
    <div class={`field${errors[key] ? ' field--invalid' : ''}`}>
      <label for={`setting-${key}`}>{t(label)}</label>
      <input
        id={`setting-${key}`}
        type="number"
        min={1}
        max={max}
        value={numberTexts[key]}
        aria-invalid={errors[key] ? 'true' : undefined}
        aria-describedby={`${errors[key] ? `setting-${key}-error ` : ''}setting-${key}-help`}
        onInput={(event) => {
          setNumberTexts({ ...numberTexts, [key]: event.currentTarget.value });
          setMessage(undefined);
        }}
      />
      {errors[key] && (
        <p class="field__error" id={`setting-${key}-error`}>
          {errors[key]}
        </p>
      )}
      <p class="help" id={`setting-${key}-help`}>
        {t(help)}
      </p>
    </div>
  );

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      {input('baseUrl', 'optionsBaseUrl', 'optionsBaseUrlHelp', DEFAULT_SETTINGS.baseUrl)}
      <h2>{t('optionsDefaults')}</h2>
      {input('defaultOrganizationId', 'optionsDefaultOrganizationId', 'optionsDefaultOrganizationIdHelp')}
      {input('defaultStatus', 'optionsDefaultStatus')}
      {input('defaultCountry', 'optionsDefaultCountry', 'optionsDefaultCountryHelp')}
      {input('externalIdPrefix', 'optionsExternalIdPrefix', 'optionsExternalIdPrefixHelp')}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={values.commentEnabled}
          onChange={(event) => change({ commentEnabled: event.currentTarget.checked })}
        />
        {t('optionsCommentEnabled')}
      </label>

      <h2>{t('optionsOrganizations')}</h2>
      <fieldset>
        <legend>{t('optionsOrganizationMode')}</legend>
        {(['derive', 'off'] as const).map((mode) => (
          <label class="checkbox">
            <input
              type="radio"
              name="organization-mode"
              value={mode}
              checked={values.organizationMode === mode}
              onChange={() => change({ organizationMode: mode })}
            />
            {t(mode === 'derive' ? 'organizationModeDerive' : 'organizationModeOff')}
          </label>
        ))}
      </fieldset>
      {input('organizationIdPrefix', 'optionsOrganizationIdPrefix')}

      {numberInput('historyRetentionDays', 'optionsHistoryRetention', 'optionsHistoryRetentionHelp', 3650)}
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            void clearHistory().then(() => setMessage({ tone: 'success', text: t('optionsHistoryCleared') }))
          }
        >
          {t('optionsClearHistory')}
        </button>
      </div>

      <h2>{t('optionsSending')}</h2>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={values.reviewBeforeSending}
          onChange={(event) => change({ reviewBeforeSending: event.currentTarget.checked })}
        />
        {t('optionsReviewBeforeSending')}
      </label>
      {numberInput('requestTimeoutSeconds', 'optionsRequestTimeout', 'optionsRequestTimeoutHelp', 300)}
      <div class="actions">
        <button type="submit" class="primary">
          {t('optionsSave')}
        </button>
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </form>
  );
}

function validateSettings(values: Settings): SettingsErrors {
  const errors: SettingsErrors = {};
  const baseUrl = checkBaseUrl(values.baseUrl);
  if (!baseUrl.ok) errors.baseUrl = t(baseUrl.reason === 'insecure' ? 'baseUrlInsecure' : 'baseUrlInvalid');
  if (values.defaultCountry && !isCountryCode(values.defaultCountry)) errors.defaultCountry = t('errorInvalidCountry');
  if (values.externalIdPrefix.length > 32) errors.externalIdPrefix = t('errorTooLongMax', '32');
  if (values.organizationIdPrefix.length > 32) errors.organizationIdPrefix = t('errorTooLongMax', '32');
  if (!isWholeNumberIn(values.historyRetentionDays, 1, 3650)) errors.historyRetentionDays = t('errorInvalidNumber', '3650');
  if (!isWholeNumberIn(values.requestTimeoutSeconds, 1, 300)) errors.requestTimeoutSeconds = t('errorInvalidNumber', '300');
  return errors;
}
