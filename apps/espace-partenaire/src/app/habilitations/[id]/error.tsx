'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';

/** partners-api failed while showing a request: say so in French and offer to try again. */
export default function HabilitationError({
  reset,
}: {
  error: Error;
  reset: () => void;
}) {
  return (
    <div className={fr.cx('fr-container', 'fr-my-7w')}>
      <h1>Service momentanément indisponible</h1>
      <p className={fr.cx('fr-text--lead')}>
        La demande n’a pas pu être affichée. Réessayez dans quelques instants.
      </p>
      <Button onClick={reset}>Réessayer</Button>
    </div>
  );
}
