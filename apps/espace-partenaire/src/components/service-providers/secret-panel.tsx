'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useActionState, useEffect, useRef } from 'react';

import { formatDateTime } from '../habilitations/format';
import { CopyButton } from './copy-button';
import { IDLE_SECRET_STATE, type SecretFormState } from './form-state';
import { overlapLabel } from './service-provider-labels';

/**
 * « Générer le secret » (no secret yet) or « Renouveler le secret » (after a confirmation that tells
 * about the overlap), and the secret just issued, shown once. The secret lives in this form's state
 * only: a later load of the page (reload, navigation) never has it, and the page's automatic refresh
 * while the publication is pending keeps it on screen.
 */
export function SecretPanel({
  issueAction,
  hasSecret,
  overlapHours,
}: {
  /** `issueSecretAction` bound to the habilitation and the client. */
  issueAction: (
    previous: SecretFormState,
    formData: FormData,
  ) => Promise<SecretFormState>;
  /** The client has a current secret: the button renews it. */
  hasSecret: boolean;
  /** How long the previous secret keeps working after a renewal (from partners-api). */
  overlapHours: number;
}) {
  const [state, formAction, pending] = useActionState(
    issueAction,
    IDLE_SECRET_STATE,
  );
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.at) outcome.current?.focus();
  }, [state.at]);
  const issued = state.status === 'success' ? state.issued : undefined;
  const confirmError = state.fieldErrors?.['confirm'];

  return (
    <>
      <div ref={outcome} tabIndex={-1}>
        {issued && (
          <Alert
            as="h3"
            className={fr.cx('fr-mb-3w')}
            severity="warning"
            title="Copiez ce secret maintenant : il ne sera plus jamais affiché."
            description={
              <>
                <p className={fr.cx('fr-mb-1w')}>
                  Secret client de <code>{issued.clientId}</code> :
                </p>
                <p className={fr.cx('fr-mb-1w')}>
                  <code
                    data-testid="issued-secret"
                    style={{
                      wordBreak: 'break-all',
                      fontSize: '1rem',
                      fontWeight: 700,
                    }}
                  >
                    {issued.clientSecret}
                  </code>
                </p>
                <p className={fr.cx('fr-mb-2w')}>
                  <CopyButton
                    value={issued.clientSecret}
                    label="Copier le secret"
                    priority="primary"
                  />
                </p>
                <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
                  Conservez-le dans la configuration de votre service ou un
                  coffre-fort de secrets. FranceConnect n’en garde qu’une
                  empreinte : s’il est perdu, il faudra en générer un nouveau.
                  Il est accepté dès que la publication en cours est terminée.
                </p>
                {issued.previousSecretNotAfter && (
                  <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>
                    L’ancien secret reste accepté jusqu’au{' '}
                    {formatDateTime(issued.previousSecretNotAfter)} :
                    remplacez-le dans votre service d’ici là.
                  </p>
                )}
              </>
            }
          />
        )}
        {state.status === 'error' && (
          <Alert
            as="h3"
            className={fr.cx('fr-mb-3w')}
            severity="error"
            title="Le secret n’a pas été généré"
            description={state.message ?? ''}
          />
        )}
      </div>
      <form key={state.at ?? 0} action={formAction} noValidate>
        {hasSecret ? (
          <>
            <input type="hidden" name="rotation" value="true" />
            <p className={fr.cx('fr-mb-2w')}>
              Le renouvellement génère un nouveau secret, affiché une seule
              fois. L’ancien secret reste accepté pendant {overlapLabel(overlapHours)}, le temps de le remplacer dans votre service, puis il cesse
              de fonctionner.
            </p>
            <Checkbox
              id="confirmation-renouvellement"
              legend="Confirmation"
              state={confirmError ? 'error' : 'default'}
              stateRelatedMessage={confirmError}
              options={[
                {
                  label: `Je remplacerai l’ancien secret dans mon service dans les ${overlapLabel(overlapHours)}`,
                  nativeInputProps: { name: 'confirm' },
                },
              ]}
            />
            <Button
              type="submit"
              priority="secondary"
              iconId="fr-icon-refresh-line"
              disabled={pending}
            >
              {pending ? 'Génération…' : 'Renouveler le secret'}
            </Button>
          </>
        ) : (
          <>
            <p className={fr.cx('fr-mb-2w')}>
              Aucun secret n’a encore été généré pour ce client. Il ne sera
              affiché qu’une fois : soyez prêt à le copier dans la configuration
              de votre service.
            </p>
            <Button type="submit" disabled={pending}>
              {pending ? 'Génération…' : 'Générer le secret'}
            </Button>
          </>
        )}
      </form>
    </>
  );
}
