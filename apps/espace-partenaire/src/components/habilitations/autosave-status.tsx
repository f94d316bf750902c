'use client';

import { fr } from '@codegouvfr/react-dsfr';

import type { AutosaveResult } from './form-state';

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString('fr-FR', {
    hour: '2-digit',
    minute: '2-digit',
  });

function statusText(result: AutosaveResult | null): string {
  if (!result) return '';
  switch (result.status) {
    case 'saved':
      return `Brouillon enregistré à ${timeOf(result.savedAt)}`;
    case 'incomplete':
      return 'Brouillon pas encore enregistré : certains champs sont incomplets.';
    case 'failed':
      return `Brouillon non enregistré. ${result.message}`;
  }
}

/** The discreet line under a step's form; a polite live region, present from the start so that readers announce it. */
export function AutosaveStatus({ result }: { result: AutosaveResult | null }) {
  return (
    <p
      className={fr.cx('fr-text--sm', 'fr-mb-2w')}
      style={{ color: 'var(--text-mention-grey)' }}
      aria-live="polite"
      data-testid="autosave-status"
    >
      {result && (
        <span
          className={fr.cx('fr-icon-save-line', 'fr-icon--sm', 'fr-mr-1v')}
          aria-hidden="true"
        />
      )}
      {statusText(result)}
    </p>
  );
}
