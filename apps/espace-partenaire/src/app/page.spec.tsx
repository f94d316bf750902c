import { render, screen, within } from '@testing-library/react';

import HomePage from './page';

function renderHomePage() {
  render(<HomePage />);
}

/** The DSFR call-out whose title is `title`. */
function calloutTitled(title: string): HTMLElement {
  const callout = screen
    .getByRole('heading', { name: title })
    .closest<HTMLElement>('.fr-callout');
  if (!callout) throw new Error(`No call-out titled "${title}"`);
  return callout;
}

describe('Home page', () => {
  it('shows the four steps of the path, in order', () => {
    // Given a visitor on the home page
    renderHomePage();

    // When they read the path section
    const path = screen.getByRole('region', {
      name: 'Votre parcours en quatre étapes',
    });

    // Then the four steps appear in order, each numbered
    const steps = within(path).getAllByRole('listitem');
    expect(steps).toHaveLength(4);
    expect(
      steps.map((step) => within(step).getByRole('heading').textContent),
    ).toEqual([
      'Créer votre compte',
      'Déposer une demande d’habilitation',
      'Recevoir vos clés de bac à sable et intégrer',
      'Demander la mise en production',
    ]);
    steps.forEach((step, index) => {
      expect(within(step).getByText(`Étape ${index + 1}`)).toBeTruthy();
    });
  });

  it('asks for the organisation’s SIRET when creating the account', () => {
    renderHomePage();

    const path = screen.getByRole('region', {
      name: 'Votre parcours en quatre étapes',
    });
    const [accountStep] = within(path).getAllByRole('listitem');

    expect(accountStep.textContent).toMatch(/SIRET/);
  });

  it('lists what a habilitation request must state', () => {
    renderHomePage();

    const checklist = calloutTitled('Préparer votre demande d’habilitation');

    const items = within(checklist)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    for (const expected of [
      /cas d’usage/,
      /données demandées/,
      /niveau de garantie eIDAS/,
      /base légale/,
      /responsable de traitement/,
      /délégué à la protection des données \(DPO\)/,
      /contact technique/,
    ]) {
      expect(items.some((item) => expected.test(item ?? ''))).toBe(true);
    }
  });

  it('says which organisations are eligible', () => {
    renderHomePage();

    const eligibility = calloutTitled('Qui peut demander un accès ?');

    expect(eligibility.textContent).toMatch(/administrations de l’État/);
    expect(eligibility.textContent).toMatch(/collectivités territoriales/);
    expect(eligibility.textContent).toMatch(/établissements publics/);
    expect(eligibility.textContent).toMatch(
      /organismes privés chargés d’une mission de service public/,
    );
  });

  it('leads to account creation, sign-in and the integration documentation', () => {
    renderHomePage();

    expect(
      screen
        .getByRole('link', { name: 'Créer un compte' })
        .getAttribute('href'),
    ).toBe('/inscription');
    expect(
      screen.getByRole('link', { name: 'Se connecter' }).getAttribute('href'),
    ).toBe('/connexion');
    expect(
      screen
        .getByRole('link', { name: /Guide d’intégration OpenID Connect/ })
        .getAttribute('href'),
    ).toBe('/documentation');
  });
});
