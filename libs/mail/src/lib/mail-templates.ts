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
  'account-exists': ({ loginUrl, resetUrl }) => ({
    subject: 'Vous avez déjà un compte sur l’Espace Partenaire',
    paragraphs: [
      'Bonjour,',
      'Une inscription vient d’être demandée avec votre adresse électronique, mais un compte existe déjà pour cette adresse.',
      `Connectez-vous : ${loginUrl}`,
      `Mot de passe oublié ? Choisissez-en un nouveau : ${resetUrl}`,
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre compte n’a pas été modifié.',
    ],
    action: { label: 'Me connecter', url: loginUrl },
  }),
  'member-joined': ({ organisationName, memberName, memberEmail, membersUrl }) => ({
    subject: `Un nouveau membre a rejoint ${organisationName}`,
    paragraphs: [
      'Bonjour,',
      `${memberName} (${memberEmail}) a rejoint l’organisation ${organisationName} sur l’Espace Partenaire : son adresse appartient au même domaine que la vôtre.`,
      'Si cette personne ne fait pas partie de votre organisation, signalez-le au support en répondant à ce message.',
    ],
    action: { label: 'Voir les membres', url: membersUrl },
  }),
  'membership-pending': ({ organisationName, supportEmail }) => ({
    subject: `Votre demande pour rejoindre ${organisationName} est en attente`,
    paragraphs: [
      'Bonjour,',
      `L’organisation ${organisationName} a déjà des membres dont l’adresse électronique relève d’un autre domaine que la vôtre. Votre rattachement doit donc être vérifié par notre équipe.`,
      `Pour accélérer la vérification, écrivez à ${supportEmail} en précisant votre fonction et le nom d’un membre de l’organisation qui peut la confirmer.`,
      'Vous recevrez un message dès que la décision sera prise.',
    ],
  }),
  'membership-accepted': ({ organisationName, portalUrl }) => ({
    subject: `Vous êtes membre de ${organisationName}`,
    paragraphs: [
      'Bonjour,',
      `Votre rattachement à l’organisation ${organisationName} a été accepté. Vous pouvez maintenant consulter et déposer ses demandes d’habilitation.`,
    ],
    action: { label: 'Accéder à l’Espace Partenaire', url: portalUrl },
  }),
  'membership-rejected': ({ organisationName, reason, supportEmail }) => ({
    subject: `Votre demande pour rejoindre ${organisationName} a été refusée`,
    paragraphs: [
      'Bonjour,',
      `Votre rattachement à l’organisation ${organisationName} a été refusé pour le motif suivant :`,
      reason,
      `Pour toute question, écrivez à ${supportEmail}.`,
    ],
  }),
  'habilitation-submitted': ({ projectName, organisationName, requestUrl, implicitRejectionDate }) => ({
    subject: `Demande d’habilitation reçue : ${projectName}`,
    paragraphs: [
      'Bonjour,',
      `Nous avons bien reçu la demande d’habilitation FranceConnect « ${projectName} » de ${organisationName}. Elle va être instruite par nos équipes.`,
      `Sans réponse de notre part au plus tard le ${implicitRejectionDate} (deux mois après ce dépôt), la demande est réputée rejetée (décision implicite de rejet).`,
      'Vous pouvez suivre son avancement et échanger avec l’instructeur depuis l’Espace Partenaire.',
    ],
    action: { label: 'Suivre ma demande', url: requestUrl },
  }),
  'habilitation-to-instruct': ({ projectName, organisationName, siret, reviewUrl, isUpdate }) => ({
    subject: `${isUpdate ? 'Mise à jour à instruire' : 'Nouvelle demande à instruire'} : ${projectName}`,
    paragraphs: [
      'Bonjour,',
      `${organisationName} (SIRET ${siret}) a soumis ${isUpdate ? 'une mise à jour de la demande d’habilitation' : 'la demande d’habilitation'} « ${projectName} ».`,
    ],
    action: { label: 'Instruire la demande', url: reviewUrl },
  }),
  'habilitation-changes-requested': ({ projectName, message, requestUrl }) => ({
    subject: `Modifications demandées : ${projectName}`,
    paragraphs: [
      'Bonjour,',
      `L’instructeur de votre demande d’habilitation « ${projectName} » demande des modifications :`,
      message,
      'Modifiez la demande puis soumettez-la de nouveau depuis l’Espace Partenaire.',
    ],
    action: { label: 'Modifier ma demande', url: requestUrl },
  }),
  'habilitation-refused': ({ projectName, reason, requestUrl, isUpdate }) => ({
    subject: `${isUpdate ? 'Mise à jour refusée' : 'Demande refusée'} : ${projectName}`,
    paragraphs: [
      'Bonjour,',
      isUpdate
        ? `La mise à jour de votre habilitation « ${projectName} » a été refusée. La version validée précédemment reste en vigueur.`
        : `Votre demande d’habilitation « ${projectName} » a été refusée.`,
      'Motif du refus :',
      reason,
    ],
    action: { label: 'Voir la demande', url: requestUrl },
  }),
  'habilitation-validated': ({ projectName, organisationName, message, requestUrl }) => ({
    subject: `Demande validée : ${projectName}`,
    paragraphs: [
      'Bonjour,',
      `La demande d’habilitation FranceConnect « ${projectName} » de ${organisationName} a été validée.`,
      ...(message ? ['Message de l’instructeur :', message] : []),
    ],
    action: { label: 'Voir la demande', url: requestUrl },
  }),
  'habilitation-designated': ({ projectName, organisationName, designation }) => ({
    subject: `Vous avez été désigné pour le service « ${projectName} »`,
    paragraphs: [
      'Bonjour,',
      `Vous avez été désigné ${designation === 'dpo' ? 'délégué à la protection des données (DPO)' : 'responsable de traitement'} dans la demande d’habilitation FranceConnect « ${projectName} » de ${organisationName}, qui vient d’être validée.`,
      designation === 'dpo'
        ? 'À ce titre, ce traitement doit figurer dans le registre des activités de traitement de votre organisme.'
        : 'À ce titre, vous êtes responsable de l’usage des données transmises par FranceConnect dans ce service.',
      'Si vous n’êtes pas la bonne personne, signalez-le au support en répondant à ce message.',
    ],
  }),
  'habilitation-technical-contact': ({ projectName, organisationName, portalUrl }) => ({
    subject: `Vos accès techniques pour « ${projectName} »`,
    paragraphs: [
      'Bonjour,',
      `Vous êtes le contact technique de la demande d’habilitation FranceConnect « ${projectName} » de ${organisationName}, qui vient d’être validée.`,
      'Connectez-vous à l’Espace Partenaire (créez votre compte avec cette adresse si besoin) pour récupérer les identifiants de bac à sable et préparer le passage en production.',
    ],
    action: { label: 'Accéder à l’Espace Partenaire', url: portalUrl },
  }),
  'habilitation-revoked': ({ projectName, reason, requestUrl }) => ({
    subject: `Habilitation révoquée : ${projectName}`,
    paragraphs: [
      'Bonjour,',
      `L’habilitation FranceConnect « ${projectName} » a été révoquée. Le service ne peut plus utiliser FranceConnect.`,
      'Motif :',
      reason,
    ],
    action: { label: 'Voir la demande', url: requestUrl },
  }),
  'habilitation-message': ({ projectName, requestUrl, fromInstructor }) => ({
    subject: `Nouveau message : ${projectName}`,
    paragraphs: [
      'Bonjour,',
      fromInstructor
        ? `L’instructeur de la demande d’habilitation « ${projectName} » vous a écrit.`
        : `Le demandeur de l’habilitation « ${projectName} » a écrit un message.`,
      'Pour des raisons de confidentialité, le message se lit sur l’Espace Partenaire.',
    ],
    action: { label: 'Lire le message', url: requestUrl },
  }),
  'production-request-to-instruct': ({ serviceName, projectName, organisationName, siret, reviewUrl }) => ({
    subject: `Passage en production à examiner : ${serviceName}`,
    paragraphs: [
      'Bonjour,',
      `${organisationName} (SIRET ${siret}) demande le passage en production du service « ${serviceName} », au titre de l’habilitation « ${projectName} ».`,
      'Vérifiez la page de connexion et les adresses de retour avant de délivrer le client de production.',
    ],
    action: { label: 'Examiner la demande', url: reviewUrl },
  }),
  'production-request-validated': ({ serviceName, projectName, message, portalUrl, withoutReview }) => ({
    subject: `Passage en production validé : ${serviceName}`,
    paragraphs: [
      'Bonjour,',
      withoutReview
        ? `Le service « ${serviceName} » (habilitation « ${projectName} ») repose sur la solution d’un éditeur partenaire déjà qualifiée : son client de production a été délivré sans examen technique.`
        : `La demande de passage en production du service « ${serviceName} » (habilitation « ${projectName} ») a été validée : son client de production a été délivré.`,
      ...(message ? ['Message de l’instructeur :', message] : []),
      'Récupérez le client_id et générez le client_secret depuis l’Espace Partenaire. Le secret ne s’affiche qu’une seule fois : conservez-le aussitôt dans un coffre-fort de secrets.',
    ],
    action: { label: 'Récupérer mes identifiants', url: portalUrl },
  }),
  'service-provider-revoked': ({ serviceName, environment, clientId, reason, portalUrl }) => ({
    subject: `Accès FranceConnect révoqué : ${serviceName}`,
    paragraphs: [
      'Bonjour,',
      `L’accès ${environment === 'production' ? 'de production' : 'de bac à sable'} « ${serviceName} » (client_id ${clientId}) a été révoqué par l’équipe FranceConnect : la fédération refuse désormais ses connexions.`,
      'Motif :',
      reason,
      'Pour toute question, répondez à ce message ou contactez le support depuis l’Espace Partenaire.',
    ],
    action: { label: 'Voir l’accès', url: portalUrl },
  }),
  'production-request-refused': ({ serviceName, projectName, reason, portalUrl }) => ({
    subject: `Passage en production refusé : ${serviceName}`,
    paragraphs: [
      'Bonjour,',
      `La demande de passage en production du service « ${serviceName} » (habilitation « ${projectName} ») a été refusée.`,
      'Motif du refus :',
      reason,
      'Vous pouvez corriger votre service puis déposer une nouvelle demande depuis l’Espace Partenaire. Le client de bac à sable reste utilisable.',
    ],
    action: { label: 'Voir la demande', url: portalUrl },
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
