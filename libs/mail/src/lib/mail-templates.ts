import type {
  MailJob,
  MailTemplateData,
  MailTemplateName,
} from '@federation/queue';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface TemplateContent {
  subject: string;
  /** Paragraphs of plain French text; rendered as <p> in HTML. */
  paragraphs: string[];
  action?: { label: string; url: string };
}

const SIGNATURE = 'L’équipe de la fédération d’identité';

/** Every e-mail the platform sends, in French. Data comes from the job payload (see @federation/queue). */
const TEMPLATES: {
  [T in MailTemplateName]: (data: MailTemplateData[T]) => TemplateContent;
} = {
  'email-verification': ({ code, verificationUrl }) => ({
    subject: 'Confirmez votre adresse électronique',
    paragraphs: [
      'Bonjour,',
      'Pour activer votre compte sur l’Espace Partenaire, confirmez votre adresse électronique.',
      `Votre code de vérification : ${code}`,
      'Ce code est valable 30 minutes. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.',
    ],
    action: { label: 'Confirmer mon adresse', url: verificationUrl },
  }),
  'password-reset': ({ resetUrl, validityMinutes }) => ({
    subject: 'Réinitialisation de votre mot de passe',
    paragraphs: [
      'Bonjour,',
      'Une réinitialisation du mot de passe de votre compte Espace Partenaire a été demandée.',
      `Ce lien est valable ${validityMinutes} minutes et ne peut servir qu’une fois.`,
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    ],
    action: { label: 'Choisir un nouveau mot de passe', url: resetUrl },
  }),
};

export function renderMail(job: MailJob): RenderedMail {
  const render = TEMPLATES[job.template] as (
    data: MailJob['data'],
  ) => TemplateContent;
  const content = render(job.data);
  const text = [
    ...content.paragraphs,
    ...(content.action
      ? [`${content.action.label} : ${content.action.url}`]
      : []),
    '',
    SIGNATURE,
  ].join('\n\n');
  const html = [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>',
    escapeHtml(content.subject),
    '</title></head><body style="font-family: Marianne, Arial, sans-serif; color: #161616">',
    ...content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    content.action
      ? `<p><a href="${escapeHtml(content.action.url)}" style="background:#000091;color:#fff;padding:8px 16px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`
      : '',
    `<p>${escapeHtml(SIGNATURE)}</p></body></html>`,
  ].join('');
  return { subject: content.subject, text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[
        char
      ] as string,
  );
}
