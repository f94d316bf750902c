import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { Card } from '@codegouvfr/react-dsfr/Card';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import type { Metadata } from 'next';

import { StartDsfrOnHydration } from '../dsfr-bootstrap';

export const metadata: Metadata = {
  title: { absolute: "Espace Partenaire — Fédération d'identité" },
};

/** The path of an administration, from the first visit to production. */
const steps = [
  {
    title: 'Créer votre compte',
    desc: 'Inscrivez-vous avec le numéro SIRET de votre organisation : il identifie l’administration ou l’organisme pour lequel vous agissez.',
  },
  {
    title: 'Déposer une demande d’habilitation',
    desc: 'Décrivez votre démarche en ligne et justifiez chaque donnée demandée : la liste des informations à fournir figure ci-dessous, dans « Avant de commencer ».',
  },
  {
    title: 'Recevoir vos clés de bac à sable et intégrer',
    desc: (
      <>
        Une fois la demande acceptée, vous recevez un <code>client_id</code> et
        un <code>client_secret</code> de bac à sable pour raccorder votre
        service et le tester avec des identités fictives.
      </>
    ),
  },
  {
    title: 'Demander la mise en production',
    desc: 'Quand votre intégration fonctionne, demandez le passage en production : vos clés de production vous sont délivrées après vérification.',
  },
];

/** What a habilitation request asks for; announced on the home page so that nobody starts unprepared. */
const habilitationRequirements = [
  'le cas d’usage : la démarche en ligne et les usagers concernés ;',
  'les données demandées, limitées à ce qui est nécessaire à la démarche ;',
  'le niveau de garantie eIDAS attendu (faible, substantiel ou élevé) ;',
  'la base légale du traitement (texte de loi, décret ou arrêté) ;',
  'le responsable de traitement ;',
  'le délégué à la protection des données (DPO) ;',
  'le contact technique qui recevra les clés et les alertes.',
] as const;

const eligibleOrganisations = [
  'les administrations de l’État : ministères et services déconcentrés ;',
  'les collectivités territoriales et leurs groupements ;',
  'les établissements publics ;',
  'les organismes privés chargés d’une mission de service public.',
] as const;

export default function HomePage() {
  return (
    <>
      <StartDsfrOnHydration />

      <div className={fr.cx('fr-container', 'fr-py-6w')}>
        <h1>
          Raccordez votre service en ligne à la fédération d’identité de l’État
        </h1>
        <p className={fr.cx('fr-text--lead')}>
          L’Espace Partenaire est le guichet des fournisseurs de service : les
          administrations et organismes publics qui veulent permettre à leurs
          usagers de se connecter avec une identité numérique reconnue par
          l’État.
        </p>
        <ButtonsGroup
          inlineLayoutWhen="md and up"
          buttons={[
            {
              children: 'Créer un compte',
              iconId: 'fr-icon-add-circle-line',
              linkProps: { href: '/inscription' },
            },
            {
              children: 'Se connecter',
              priority: 'secondary',
              iconId: 'fr-icon-account-circle-line',
              linkProps: { href: '/connexion' },
            },
          ]}
        />
      </div>

      <section
        aria-labelledby="parcours-titre"
        className={fr.cx('fr-container', 'fr-pb-6w')}
      >
        <h2 id="parcours-titre">Votre parcours en quatre étapes</h2>
        <ol
          className={fr.cx(
            'fr-raw-list',
            'fr-grid-row',
            'fr-grid-row--gutters',
          )}
        >
          {steps.map((step, index) => (
            <li
              key={step.title}
              className={fr.cx('fr-col-12', 'fr-col-md-6', 'fr-col-lg-3')}
            >
              <Card
                title={step.title}
                desc={step.desc}
                start={<Badge small>{`Étape ${index + 1}`}</Badge>}
                border
              />
            </li>
          ))}
        </ol>
      </section>

      <section
        aria-labelledby="avant-de-commencer-titre"
        className={fr.cx('fr-container', 'fr-pb-6w')}
      >
        <h2 id="avant-de-commencer-titre">Avant de commencer</h2>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <CallOut
              title="Qui peut demander un accès ?"
              titleAs="h3"
              iconId="fr-icon-government-line"
              bodyAs="div"
            >
              <p>Peuvent raccorder un service :</p>
              <ul>
                {eligibleOrganisations.map((organisation) => (
                  <li key={organisation}>{organisation}</li>
                ))}
              </ul>
            </CallOut>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <CallOut
              title="Préparer votre demande d’habilitation"
              titleAs="h3"
              iconId="fr-icon-draft-line"
              colorVariant="blue-ecume"
              bodyAs="div"
            >
              <p>Votre demande devra préciser :</p>
              <ul>
                {habilitationRequirements.map((requirement) => (
                  <li key={requirement}>{requirement}</li>
                ))}
              </ul>
            </CallOut>
          </div>
        </div>
      </section>

      <section
        aria-labelledby="documentation-titre"
        className={fr.cx('fr-container', 'fr-pb-8w')}
      >
        <h2 id="documentation-titre">Documentation d’intégration</h2>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Tile
              title="Guide d’intégration OpenID Connect"
              titleAs="h3"
              desc="Points d’accès, scopes, claims et niveaux eIDAS : tout ce qu’il faut pour raccorder votre service."
              linkProps={{ href: '/documentation' }}
              enlargeLinkOrButton
              orientation="horizontal"
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Tile
              title="Tester en bac à sable"
              titleAs="h3"
              desc="Identités fictives, clés de test et scénarios d’erreur pour valider votre intégration avant la production."
              linkProps={{ href: '/documentation#bac-a-sable' }}
              enlargeLinkOrButton
              orientation="horizontal"
            />
          </div>
        </div>
      </section>
    </>
  );
}
