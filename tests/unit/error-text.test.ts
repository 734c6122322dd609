import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fieldErrorText, outboxAdvice, sendErrorReason, sendErrorText } from '@/lib/error-text';
import { useLocale } from './support/i18n';

describe('error texts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useLocale('en');
  });

  it('states the limit of an overlong field', () => {
    expect(fieldErrorText('too-long', 'name')).toBe('Too long: use at most 255 characters.');
  });

  it('says what failed and what to do for a send', () => {
    expect(sendErrorText({ kind: 'unauthorized', status: 403 })).toBe(
      'Thalamus rejected the API key (HTTP 403). Check the key in the options; your draft is kept.',
    );
    expect(sendErrorText({ kind: 'rate-limited', retryAfterSeconds: 30 })).toContain('Wait 30 seconds');
  });

  it('gives outbox items a reason without draft advice', () => {
    expect(sendErrorReason({ kind: 'server', status: 502 })).toBe('Thalamus had a server error (HTTP 502).');
    expect(outboxAdvice({ kind: 'rejected', status: 422 })).toContain('capture the contact again');
    expect(outboxAdvice({ kind: 'unauthorized', status: 401 })).toContain('in the options');
  });

  it('reads Dutch messages in a Dutch browser', () => {
    useLocale('nl');

    expect(fieldErrorText('too-long', 'zip')).toBe('Te lang: gebruik hoogstens 32 tekens.');
  });
});
