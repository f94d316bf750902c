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
