import type { CapturedField } from '@/lib/capture';
import type { FormField as FieldName } from '@/lib/contact-form';
import { fieldLabel, provenanceText } from '@/lib/error-text';
import { t } from '@/lib/i18n';

export interface FormFieldProps {
  field: FieldName;
  value: string;
  onInput: (value: string) => void;
  /** The captured value and its alternatives, when the field was filled from the page. */
  captured?: CapturedField;
  error?: string;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel';
  list?: string;
  autoComplete?: string;
}

/**
 * Renders one labelled input of the review form, with the value's source, other values found
 * on the page, and its validation message. Page text is only ever rendered as text.
 */
export function FormField(props: FormFieldProps) {
  const id = `field-${props.field}`;
  const describedBy = [
    props.error ? `${id}-error` : '',
    props.hint ? `${id}-hint` : '',
    props.captured ? `${id}-source` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const inputProps = {
    id,
    name: props.field,
    value: props.value,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  };
  const alternatives = props.captured?.alternatives ?? [];

  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`} data-field={props.field}>
      <label for={id}>{fieldLabel(props.field)}</label>
      {props.multiline ? (
        <textarea rows={4} {...inputProps} />
      ) : (
        <input
          type={props.type ?? 'text'}
          list={props.list}
          autoComplete={props.autoComplete ?? 'off'}
          spellcheck={false}
          {...inputProps}
        />
      )}
      {props.error && (
        <p class="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.captured && (
        <p class="field__source" id={`${id}-source`}>
          {provenanceText(props.captured.provenance)}
        </p>
      )}
      {alternatives.length > 0 && (
        <select
          class="field__alternatives"
          aria-label={t('alternativesLabel', fieldLabel(props.field))}
          value=""
          onChange={(event) => {
            const chosen = (event.currentTarget as HTMLSelectElement).value;
            if (chosen) props.onInput(chosen);
          }}
        >
          <option value="">{t('alternativesLabel', fieldLabel(props.field))}</option>
          {[props.captured!, ...alternatives].map((candidate) => (
            <option value={candidate.value} title={provenanceText(candidate.provenance)}>
              {candidate.value}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
