'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { JoinResult } from '@federation/partners-contracts';
import { type ReactNode, useEffect, useRef } from 'react';

/** The first e-mail address of a message (the support address in partners-api's « pending » message). */
export function emailIn(message: string): string | undefined {
  return /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(message)?.[0];
}

/** The message with its e-mail address as a link one can follow. */
function withMailLink(message: string): ReactNode {
  const email = emailIn(message);
  if (!email) return message;
  const [before, after] = [
    message.slice(0, message.indexOf(email)),
    message.slice(message.indexOf(email) + email.length),
  ];
  return (
    <>
      {before}
      <a href={`mailto:${email}`}>{email}</a>
      {after}
    </>
  );
}

/**
 * The three outcomes of joining an organisation by SIRET, in plain French: organisation created
 * (the user is its administrator), joined (the members were told), pending moderation (with the
 * support address). Takes the focus when shown.
 */
export function JoinOutcome({
  result,
  headingLevel = 'h2',
}: {
  result: JoinResult;
  headingLevel?: 'h2' | 'h3';
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => container.current?.focus(), [result]);
  const organisationName = result.membership.organisation.name;

  const content = {
    organisation_created: {
      severity: 'success' as const,
      title: `Votre organisation « ${organisationName} » est créée`,
      body: 'Vous êtes son premier membre : vous en êtes donc l’administrateur ou l’administratrice. Vous pourrez déposer des demandes d’habilitation et gérer les membres qui la rejoindront.',
    },
    joined: {
      severity: 'success' as const,
      title: `Vous avez rejoint « ${organisationName} »`,
      body: 'Votre adresse électronique relève du même domaine que celle des membres de l’organisation : vous en êtes membre dès maintenant. Ses membres ont été prévenus par courriel.',
    },
    pending_moderation: {
      severity: 'warning' as const,
      title: `Votre rattachement à « ${organisationName} » doit être vérifié`,
      body: (
        <>
          <p>
            Les membres de cette organisation utilisent une autre adresse
            électronique que la vôtre : notre équipe doit vérifier que vous
            agissez bien pour son compte. Vous recevrez sa décision par
            courriel.
          </p>
          <p>{withMailLink(result.message)}</p>
        </>
      ),
    },
  }[result.outcome];

  return (
    <div
      ref={container}
      tabIndex={-1}
      data-outcome={result.outcome}
      className={fr.cx('fr-mb-4w')}
    >
      <Alert
        severity={content.severity}
        role={undefined}
        as={headingLevel}
        title={content.title}
        description={content.body}
      />
    </div>
  );
}
