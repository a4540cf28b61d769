import type { ComponentChildren } from 'preact';

/** The message under a form field, tied to it with aria-describedby; `alert` also announces it (role="alert"). */
export function FieldError({ id, message, alert }: { id: string; message: string | undefined; alert?: boolean }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} class="error field-error" data-testid="field-error" role={alert ? 'alert' : undefined}>
      {message}
    </p>
  );
}

/** aria attributes for a field with an optional error and help text. */
export function describedBy(id: string, error: string | undefined, help?: ComponentChildren): Record<string, string | undefined> {
  const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': ids || undefined };
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  help?: ComponentChildren;
  type?: 'text' | 'date' | 'number' | 'email';
  multiline?: boolean;
  required?: boolean;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
  min?: number;
  max?: number;
  maxLength?: number;
}

/** A labelled input (or textarea) with its help text and its validation message. */
export function TextField({ id, label, value, onInput, error, help, type = 'text', multiline, required, placeholder, inputMode, min, max, maxLength }: TextFieldProps) {
  const aria = describedBy(id, error, help);
  return (
    <div class="form-field">
      <label for={id}>
        {label}
        {required && <span class="required" aria-hidden="true"> *</span>}
      </label>
      {multiline ? (
        <textarea id={id} class="prose" value={value} onInput={(e) => onInput(e.currentTarget.value)} required={required} placeholder={placeholder} maxLength={maxLength} {...aria} />
      ) : (
        <input
          id={id}
          // Preact's input types are a union per type; this component passes only plain text-like types.
          type={type as 'text'}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
          required={required}
          placeholder={placeholder}
          inputMode={inputMode}
          min={min}
          max={max}
          maxLength={maxLength}
          {...aria}
        />
      )}
      {help && (
        <p id={`${id}-help`} class="muted help">
          {help}
        </p>
      )}
      <FieldError id={id} message={error} />
    </div>
  );
}
