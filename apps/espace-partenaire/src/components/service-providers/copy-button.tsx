'use client';

import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';

import { useHydrated } from '../account/use-hydrated';

/**
 * « Copier … »: puts `value` in the clipboard and says so. Only drawn once JavaScript runs (the
 * clipboard needs it); without it the value stays selectable in the page.
 */
export function CopyButton({
  value,
  label,
  copiedLabel = 'Copié dans le presse-papiers',
  priority = 'secondary',
}: {
  value: string;
  /** The button's text, e.g. « Copier le secret ». */
  label: string;
  copiedLabel?: string;
  priority?: 'primary' | 'secondary' | 'tertiary';
}) {
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (outcome === 'idle') return;
    const timer = setTimeout(() => setOutcome('idle'), 5000);
    return () => clearTimeout(timer);
  }, [outcome]);
  if (!hydrated) return null;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };
  return (
    <span
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: '0.75rem',
        flexWrap: 'wrap',
      }}
    >
      <Button
        type="button"
        size="small"
        priority={priority}
        iconId="fr-icon-clipboard-line"
        onClick={() => void copy()}
      >
        {label}
      </Button>
      <span role="status" className="fr-text--sm fr-mb-0">
        {outcome === 'copied'
          ? copiedLabel
          : outcome === 'failed'
            ? 'La copie a échoué : sélectionnez le texte et copiez-le vous-même.'
            : ''}
      </span>
    </span>
  );
}
