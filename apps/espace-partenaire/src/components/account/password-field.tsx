'use client';

import {
  PasswordInput,
  type PasswordInputProps,
} from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { useState } from 'react';

import { checkPasswordRules, PASSWORD_RULES } from './password-rules';

/**
 * A password input (DSFR, with « Afficher »). With `withRules`, the rules of a new password are
 * listed under it and marked as met while the user types; `error` is partners-api's message.
 */
export function PasswordField({
  id,
  name,
  label,
  error,
  withRules = false,
  autoComplete,
}: {
  id: string;
  name: string;
  label: string;
  error?: string;
  withRules?: boolean;
  autoComplete: 'current-password' | 'new-password';
}) {
  const [password, setPassword] = useState('');
  const checks = checkPasswordRules(password);
  const messages: PasswordInputProps['messages'] = [
    ...(withRules
      ? [
          {
            severity: checks.mixed ? ('valid' as const) : ('info' as const),
            message: PASSWORD_RULES.mixed,
          },
          {
            severity: checks.passphrase
              ? ('valid' as const)
              : ('info' as const),
            message: PASSWORD_RULES.passphrase,
          },
          { severity: 'info' as const, message: PASSWORD_RULES.never },
        ]
      : []),
    ...(error ? [{ severity: 'error' as const, message: error }] : []),
  ];
  return (
    <PasswordInput
      label={label}
      messagesHint={withRules ? 'Votre mot de passe doit contenir :' : ''}
      messages={messages}
      nativeInputProps={{
        id,
        name,
        autoComplete,
        required: true,
        maxLength: 128,
        onChange: (event) => setPassword(event.target.value),
        ...(error ? { 'aria-invalid': true } : {}),
      }}
    />
  );
}
