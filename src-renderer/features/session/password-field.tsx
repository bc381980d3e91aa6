import { Textfield } from '@digdir/designsystemet-react';
import type { Ref } from 'react';

/** The password field of the session screens (sign-in and unlock), for the browser's password manager too. */
export function PasswordField({
  ref,
  label,
  value,
  error,
  onChange,
}: {
  ref: Ref<HTMLInputElement>;
  label: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  return (
    <Textfield
      ref={ref}
      label={label}
      type="password"
      autoComplete="current-password"
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
