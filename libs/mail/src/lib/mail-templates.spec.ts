import { renderMail } from './mail-templates';

describe('renderMail', () => {
  it('renders the verification code and link in French', () => {
    const mail = renderMail({
      template: 'email-verification',
      to: 'agent@mairie-exemple.fr',
      data: {
        code: '481516',
        verificationUrl: 'https://partenaires.example/verification?token=abc',
      },
    });

    expect(mail.subject).toBe('Confirmez votre adresse électronique');
    expect(mail.text).toContain('Votre code de vérification : 481516');
    expect(mail.html).toContain(
      'href="https://partenaires.example/verification?token=abc"',
    );
    expect(mail.html).toContain('lang="fr"');
  });

  it('escapes data in the HTML part', () => {
    const mail = renderMail({
      template: 'password-reset',
      to: 'agent@mairie-exemple.fr',
      data: {
        resetUrl: 'https://x.example/?a=1&b="><script>',
        validityMinutes: 60,
      },
    });

    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('a=1&amp;b=&quot;&gt;&lt;script&gt;');
    expect(mail.text).toContain('valable 60 minutes');
  });
});

describe('the mails of the partners journeys', () => {
  const to = 'agent@mairie-exemple.fr';

  it('acknowledges a submission and warns that two months of silence is an implicit rejection', () => {
    const mail = renderMail({
      template: 'habilitation-submitted',
      to,
      data: { projectName: 'Cantine', organisationName: 'Mairie', requestUrl: 'https://p/h/1', implicitRejectionDate: '21 janvier 2027' },
    });

    expect(mail.subject).toBe('Demande d’habilitation reçue : Cantine');
    expect(mail.text).toContain('21 janvier 2027 (deux mois après ce dépôt)');
    expect(mail.text).toContain('décision implicite de rejet');
  });

  it('tells the DPO they have been designated, with the right title', () => {
    const mail = renderMail({
      template: 'habilitation-designated',
      to,
      data: { projectName: 'Cantine', organisationName: 'Mairie', designation: 'dpo' },
    });

    expect(mail.subject).toBe('Vous avez été désigné pour le service « Cantine »');
    expect(mail.text).toContain('délégué à la protection des données (DPO)');
  });

  it('gives the refusal reason and, for an update, says the validated version stays in force', () => {
    const mail = renderMail({
      template: 'habilitation-refused',
      to,
      data: { projectName: 'Cantine', reason: 'Base légale absente.', requestUrl: 'https://p/h/1', isUpdate: true },
    });

    expect(mail.subject).toBe('Mise à jour refusée : Cantine');
    expect(mail.text).toContain('Base légale absente.');
    expect(mail.text).toContain('reste en vigueur');
  });

  it('tells a user in moderation whom to write to', () => {
    const mail = renderMail({ template: 'membership-pending', to, data: { organisationName: 'Mairie', supportEmail: 'support@p.fr' } });

    expect(mail.text).toContain('écrivez à support@p.fr');
  });

  it('does not reveal a thread message in the notification (it is read on the portal)', () => {
    const mail = renderMail({ template: 'habilitation-message', to, data: { projectName: 'Cantine', requestUrl: 'https://p/h/1', fromInstructor: true } });

    expect(mail.text).toContain('se lit sur l’Espace Partenaire');
    expect(mail.html).toContain('href="https://p/h/1"');
  });

  it('tells the applicant that an access was revoked, why, and which client', () => {
    const mail = renderMail({
      template: 'service-provider-revoked',
      to,
      data: { serviceName: 'Cantine en ligne', environment: 'production', clientId: 'abc123', reason: 'Clés exposées publiquement.', portalUrl: 'https://p/h/1/acces/2' },
    });

    expect(mail.subject).toBe('Accès FranceConnect révoqué : Cantine en ligne');
    expect(mail.text).toContain('L’accès de production « Cantine en ligne » (client_id abc123) a été révoqué');
    expect(mail.text).toContain('Clés exposées publiquement.');
    expect(mail.html).toContain('href="https://p/h/1/acces/2"');
  });

  it('tells the requester why a production request was refused', () => {
    const mail = renderMail({
      template: 'production-request-refused',
      to,
      data: { serviceName: 'Cantine en ligne', projectName: 'Cantine', reason: 'La page de connexion est introuvable.', portalUrl: 'https://p/h/1' },
    });

    expect(mail.subject).toBe('Passage en production refusé : Cantine en ligne');
    expect(mail.text).toContain('La page de connexion est introuvable.');
    expect(mail.html).toContain('href="https://p/h/1"');
  });

  it('says a production client issued without review relies on a qualified vendor, and that the secret shows once', () => {
    const mail = renderMail({
      template: 'production-request-validated',
      to,
      data: { serviceName: 'Cantine en ligne', projectName: 'Cantine', message: null, portalUrl: 'https://p/h/1', withoutReview: true },
    });

    expect(mail.subject).toBe('Passage en production validé : Cantine en ligne');
    expect(mail.text).toContain('sans examen technique');
    expect(mail.text).toContain('ne s’affiche qu’une seule fois');
  });
});
