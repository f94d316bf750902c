'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { MembershipRole } from '@federation/partners-contracts';
import { type FormEvent, useActionState } from 'react';

import {
  changeMemberRoleAction,
  removeMemberAction,
} from '../../app/actions/organisations.actions';
import { type FormState, IDLE } from '../account/form-state';
import { ROLE_LABELS } from './membership-status-badge';

/**
 * What can be done with one member: an organisation admin changes the role or removes them; anyone
 * may leave. The result (or partners-api's refusal, e.g. the last admin) shows under the buttons.
 */
export function MemberActions({
  organisationId,
  membershipId,
  memberName,
  role,
  canManage,
  isSelf,
}: {
  organisationId: string;
  membershipId: string;
  memberName: string;
  role: MembershipRole;
  canManage: boolean;
  isSelf: boolean;
}) {
  const [roleState, changeRole, changingRole] = useActionState<
    FormState,
    FormData
  >(changeMemberRoleAction, IDLE);
  const [removalState, remove, removing] = useActionState<FormState, FormData>(
    removeMemberAction,
    IDLE,
  );
  const ids = (
    <>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="membershipId" value={membershipId} />
    </>
  );
  const removeLabel = isSelf ? 'Quitter l’organisation' : 'Retirer';

  function confirmRemoval(event: FormEvent<HTMLFormElement>) {
    const question = isSelf
      ? 'Quitter cette organisation ? Vous n’aurez plus accès à ses demandes.'
      : `Retirer ${memberName} de l’organisation ?`;
    if (!window.confirm(question)) event.preventDefault();
  }

  return (
    <div>
      {canManage && (
        <form action={changeRole} className={fr.cx('fr-mb-2w')}>
          {ids}
          <Select
            label={
              <>
                Rôle
                <span className={fr.cx('fr-sr-only')}> de {memberName}</span>
              </>
            }
            nativeSelectProps={{ name: 'role', defaultValue: role }}
          >
            {(Object.keys(ROLE_LABELS) as MembershipRole[]).map((value) => (
              <option key={value} value={value}>
                {ROLE_LABELS[value]}
              </option>
            ))}
          </Select>
          <Button
            type="submit"
            size="small"
            priority="secondary"
            disabled={changingRole}
          >
            Changer le rôle
            <span className={fr.cx('fr-sr-only')}> de {memberName}</span>
          </Button>
        </form>
      )}
      {(canManage || isSelf) && (
        <form action={remove} onSubmit={confirmRemoval}>
          {ids}
          {isSelf && <input type="hidden" name="leaving" value="true" />}
          <Button
            type="submit"
            size="small"
            priority="tertiary"
            iconId="fr-icon-delete-line"
            disabled={removing}
          >
            {removeLabel}
            {!isSelf && (
              <span className={fr.cx('fr-sr-only')}> {memberName}</span>
            )}
          </Button>
        </form>
      )}
      {(
        [
          ['role', roleState],
          ['removal', removalState],
        ] as const
      )
        .filter(([, state]) => state.status !== 'idle' && state.message)
        .map(([kind, state]) => (
          <Alert
            key={kind}
            small
            className={fr.cx('fr-mt-2w')}
            severity={state.status === 'error' ? 'error' : 'success'}
            description={state.message ?? ''}
          />
        ))}
    </div>
  );
}
