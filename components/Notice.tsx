import type { ComponentChildren } from 'preact';

export interface NoticeProps {
  tone: 'info' | 'success' | 'error';
  children: ComponentChildren;
}

/** Renders a status message that screen readers announce. Errors interrupt, other notices wait their turn. */
export function Notice({ tone, children }: NoticeProps) {
  return (
    <div
      class={`notice notice--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live={tone === 'error' ? 'assertive' : 'polite'}
    >
      {children}
    </div>
  );
}
