import { HABILITATION_STEPS, type HabilitationStepContent } from '@federation/partners-contracts';
import { AuditLogEntity, HabilitationRequestEntity } from '@federation/partners-data';
import { memberOf, platformAdmin, startPartnersTestApp, type ApiClient, type PartnersTestApp } from '../../testing';
import { EXAMPLE_HABILITATION_CONTENT } from './content/habilitation-example';
import { frenchLongDate, implicitRejectionDate } from './habilitation-dates';

const SIRET = '21690123100011';

describe('habilitation requests: from draft to revocation', () => {
  let test: PartnersTestApp;
  let applicant: Awaited<ReturnType<typeof memberOf>>;
  let instructor: Awaited<ReturnType<typeof platformAdmin>>;
  let counter = 0;

  beforeAll(async () => {
    test = await startPartnersTestApp('habilitation-workflow');
    applicant = await memberOf(test, SIRET, 'camille.martin@mairie-lyon.fr');
    instructor = await platformAdmin(test);
  });

  afterAll(() => test?.close());

  /** A complete content whose project and contacts are unique to one test, so its mails are its own. */
  function contentFor(tag: string): HabilitationStepContent {
    const content = structuredClone(EXAMPLE_HABILITATION_CONTENT);
    content.project.projectName = `Portail ${tag}`;
    content.contacts.dataController.email = `rt.${tag}@mairie-lyon.fr`;
    content.contacts.dpo.email = `dpo.${tag}@mairie-lyon.fr`;
    content.contacts.technicalContact.email = `tech.${tag}@mairie-lyon.fr`;
    return content;
  }

  async function draft(client: ApiClient = applicant.client): Promise<string> {
    const response = await client.post(`/api/organisations/${applicant.organisation.id}/habilitations`, {});
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function fill(id: string, content: Partial<HabilitationStepContent>): Promise<void> {
    for (const step of HABILITATION_STEPS) {
      if (!content[step]) continue;
      const response = await applicant.client.put(`/api/habilitations/${id}/steps/${step}`, content[step]);
      expect(response.status).toBe(200);
    }
  }

  async function submitted(tag = `t${++counter}`) {
    const content = contentFor(tag);
    const id = await draft();
    await fill(id, content);
    expect((await applicant.client.post(`/api/habilitations/${id}/submit`)).status).toBe(200);
    return { id, content, tag };
  }

  async function validated(tag?: string) {
    const request = await submitted(tag);
    expect((await instructor.client.post(`/api/admin/habilitations/${request.id}/validate`, {})).status).toBe(200);
    return request;
  }

  const decide = (id: string, action: string, message?: string) =>
    instructor.client.post(`/api/admin/habilitations/${id}/${action}`, message === undefined ? {} : { message });

  it('takes a request through its whole life, as the applicant and the instructor see it', async () => {
    const content = contentFor('parcours');
    const requestUrl = (id: string) => `http://portail.test/habilitations/${id}`;

    // Given a new draft whose steps are saved one by one (an invalid step is refused and changes nothing)
    const id = await draft();
    const invalid = await applicant.client.put(`/api/habilitations/${id}/steps/legal`, { ...content.legal, retentionMonths: 60 });
    expect(invalid.status).toBe(400);
    expect((await applicant.client.get(`/api/habilitations/${id}`)).body.content).toEqual({});
    await fill(id, { project: content.project, data: content.data });

    // When it is submitted incomplete, then complete
    const incomplete = await applicant.client.post(`/api/habilitations/${id}/submit`);
    await fill(id, content);
    const submission = await applicant.client.post(`/api/habilitations/${id}/submit`);

    // Then the missing steps were named, and the applicant and the instructor are told of the submission
    expect(incomplete.body.errors.map((error: { field: string }) => error.field)).toEqual(['legal', 'contacts', 'terms']);
    expect(submission.body.status).toBe('submitted');
    expect((await test.mailbox.waitForMail(applicant.account.email, (m) => m.subject.endsWith('Portail parcours'))).text).toContain('deux mois');
    await test.mailbox.waitForMail(instructor.account.email, (m) => m.subject === 'Nouvelle demande à instruire : Portail parcours');

    // When the instructor asks for changes and the applicant changes the retention only
    await decide(id, 'request-changes', 'Réduisez la durée de conservation.');
    await test.mailbox.waitForMail(applicant.account.email, (m) => m.subject === 'Modifications demandées : Portail parcours' && m.text.includes('Réduisez la durée'));
    await fill(id, { legal: { ...content.legal, retentionMonths: 12 } });
    await applicant.client.post(`/api/habilitations/${id}/submit`);

    // Then the instructor sees exactly that change, and validates
    const events = (await instructor.client.get(`/api/admin/habilitations/${id}/events`)).body;
    expect(events.at(-1).changedFields).toEqual(['legal.retentionMonths']);
    const validation = await decide(id, 'validate');
    expect(validation.body).toMatchObject({ status: 'validated', validatedVersion: 1 });
    await test.mailbox.waitForMail(content.contacts.dpo.email, (m) => m.text.includes('Vous avez été désigné'));
    await test.mailbox.waitForMail(content.contacts.technicalContact.email, (m) => m.text.includes('http://portail.test'));

    // When the applicant reopens it for an update, which the instructor refuses
    await applicant.client.post(`/api/habilitations/${id}/reopen`);
    const inUpdate = await applicant.client.put(`/api/habilitations/${id}/steps/data`, { ...content.data, eidasLevel: 'eidas2' });
    expect(inUpdate.body).toMatchObject({ status: 'draft', validatedContent: { data: content.data } });
    await applicant.client.post(`/api/habilitations/${id}/submit`);
    const refusal = await decide(id, 'refuse', 'Le niveau substantiel n’est pas justifié.');

    // Then the validated version is still in force, until the instructor revokes it
    expect(refusal.body).toMatchObject({ status: 'validated', validatedContent: { data: content.data }, content: { data: content.data } });
    const revocation = await decide(id, 'revoke', 'Le service ferme ses portes.');
    expect(revocation.body).toMatchObject({ status: 'revoked', hasVersionInForce: false, allowedActions: [] });
    const revokedMail = await test.mailbox.waitForMail(applicant.account.email, (m) => m.subject === 'Habilitation révoquée : Portail parcours');
    expect(revokedMail.text).toContain(requestUrl(id));
    expect((await applicant.client.get(`/api/habilitations/${id}/events`)).body.map((event: { type: string }) => event.type)).toEqual([
      'created',
      'submitted',
      'changes_requested',
      'submitted',
      'validated',
      'reopened',
      'submitted',
      'refused',
      'revoked',
    ]);
  });

  describe('drafting', () => {
    it('creates an empty draft whose steps are all still to fill, with submit as the only action', async () => {
      // When a member creates a request
      const response = await applicant.client.post(`/api/organisations/${applicant.organisation.id}/habilitations`, {});

      // Then it is an empty draft of the organisation
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        type: 'franceconnect',
        status: 'draft',
        projectName: null,
        organisation: { id: applicant.organisation.id, siret: SIRET },
        content: {},
        validatedContent: null,
        validatedVersion: 0,
        hasVersionInForce: false,
        submittedAt: null,
        allowedActions: ['submit'],
      });
      expect(response.body.steps).toEqual(HABILITATION_STEPS.map((step) => ({ step, complete: false, errors: [] })));
    });

    it('saves a step in the working copy, marks it complete and names the request after the project', async () => {
      // Given a draft
      const id = await draft();

      // When the project step is saved
      const response = await applicant.client.put(`/api/habilitations/${id}/steps/project`, EXAMPLE_HABILITATION_CONTENT.project);

      // Then the view shows it saved and complete, and the listing shows the project name
      expect(response.status).toBe(200);
      expect(response.body.content).toEqual({ project: EXAMPLE_HABILITATION_CONTENT.project });
      expect(response.body.projectName).toBe('Portail famille');
      expect(response.body.steps[0]).toEqual({ step: 'project', complete: true, errors: [] });
      const list = await applicant.client.get(`/api/organisations/${applicant.organisation.id}/habilitations`);
      expect(list.body.items.find((item: { id: string }) => item.id === id)).toMatchObject({ projectName: 'Portail famille', status: 'draft' });
    });

    it('refuses an invalid step with field-level French errors and saves nothing of it', async () => {
      // Given a draft whose project step is saved
      const id = await draft();
      await fill(id, { project: EXAMPLE_HABILITATION_CONTENT.project });

      // When the project step is saved again with a too-short name and description
      const response = await applicant.client.put(`/api/habilitations/${id}/steps/project`, {
        ...EXAMPLE_HABILITATION_CONTENT.project,
        projectName: 'P',
        description: 'Trop court',
      });

      // Then each field says what is wrong and the saved step is untouched
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('P000001');
      expect(response.body.errors).toEqual([
        { field: 'projectName', messages: ['Le nom du projet doit comporter entre 3 et 200 caractères.'] },
        { field: 'description', messages: ['Décrivez le cas d’usage en 30 à 5 000 caractères.'] },
      ]);
      const view = await applicant.client.get(`/api/habilitations/${id}`);
      expect(view.body.content.project).toEqual(EXAMPLE_HABILITATION_CONTENT.project);
    });

    it('answers 404 for a step that does not exist', async () => {
      const id = await draft();

      const response = await applicant.client.put(`/api/habilitations/${id}/steps/budget`, { amount: 3 });

      expect(response.status).toBe(404);
      expect(response.body.code).toBe('P030005');
    });

    it('lists the organisation’s requests most recently updated first', async () => {
      // Given two drafts, the first one edited after the second was created
      const first = await draft();
      const second = await draft();
      await fill(first, { terms: { termsAccepted: true } });

      // When the member lists the organisation's requests
      const list = await applicant.client.get(`/api/organisations/${applicant.organisation.id}/habilitations?pageSize=100`);

      // Then the one edited last comes first
      const ids = list.body.items.map((item: { id: string }) => item.id);
      expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
      expect(list.body).toMatchObject({ page: 1, pageSize: 100, total: ids.length });
    });

    it('filters the organisation’s requests by status', async () => {
      const waiting = await draft();
      const { id: sent } = await submitted();

      const drafts = await applicant.client.get(`/api/organisations/${applicant.organisation.id}/habilitations?status=draft&pageSize=100`);

      const ids = drafts.body.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(waiting);
      expect(ids).not.toContain(sent);
      expect(drafts.body.items.every((item: { status: string }) => item.status === 'draft')).toBe(true);
    });

    it('deletes a draft never submitted', async () => {
      const id = await draft();

      const response = await applicant.client.delete(`/api/habilitations/${id}`);

      expect(response.status).toBe(204);
      expect((await applicant.client.get(`/api/habilitations/${id}`)).status).toBe(404);
    });

    it('refuses to delete a request once submitted', async () => {
      const { id } = await submitted();

      const response = await applicant.client.delete(`/api/habilitations/${id}`);

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'P030004', message: 'Seul un brouillon qui n’a jamais été soumis peut être supprimé.' });
      expect(await test.dataSource.getRepository(HabilitationRequestEntity).existsBy({ id })).toBe(true);
    });
  });

  describe('submission', () => {
    it('refuses an incomplete request with a 400 naming each missing step and each invalid field', async () => {
      // Given a draft with only the project and an invalid legal step saved directly (as older rules may have let through)
      const id = await draft();
      await fill(id, { project: EXAMPLE_HABILITATION_CONTENT.project });
      await test.dataSource.query(`UPDATE partners.habilitation_request SET content = content || $2::jsonb WHERE id = $1`, [
        id,
        JSON.stringify({ legal: { ...EXAMPLE_HABILITATION_CONTENT.legal, retentionMonths: 60 } }),
      ]);

      // When it is submitted
      const response = await applicant.client.post(`/api/habilitations/${id}/submit`);

      // Then the answer lists the missing steps and the faulty field, prefixed by its step; nothing moved
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('P030003');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['data', 'legal.retentionJustification', 'contacts', 'terms']);
      const view = await applicant.client.get(`/api/habilitations/${id}`);
      expect(view.body.status).toBe('draft');
      expect(view.body.steps.find((step: { step: string }) => step.step === 'legal')).toMatchObject({
        complete: false,
        errors: [{ field: 'retentionJustification', messages: expect.arrayContaining(['Justifiez une durée de conservation supérieure à 36 mois.']) }],
      });
    });

    it('moves a complete request to the instructors and records who submitted it when', async () => {
      // Given a complete draft
      const id = await draft();
      await fill(id, contentFor('submit'));

      // When it is submitted
      const before = Date.now();
      const response = await applicant.client.post(`/api/habilitations/${id}/submit`);

      // Then it is under instruction, and the applicant can no longer act on it
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'submitted', allowedActions: [] });
      expect(Date.parse(response.body.submittedAt)).toBeGreaterThanOrEqual(before - 1000);
      const row = await test.dataSource.getRepository(HabilitationRequestEntity).findOneByOrFail({ id });
      expect(row).toMatchObject({ submittedBy: applicant.account.id, lastSubmittedContent: contentFor('submit') });
    });

    it('sends the submitter an acknowledgment saying silence for two months means rejection, with the date', async () => {
      // Given an applicant who submits a request
      const { id, content } = await submitted('ack');

      // Then the acknowledgment names the project, the implicit rejection date two months later and links the request
      const mail = await test.mailbox.waitForMail(applicant.account.email, (m) => m.subject.includes(content.project.projectName));
      expect(mail.subject).toBe('Demande d’habilitation reçue : Portail ack');
      expect(mail.text).toContain('deux mois');
      expect(mail.text).toContain('décision implicite de rejet');
      const { submittedAt } = (await applicant.client.get(`/api/habilitations/${id}`)).body;
      expect(mail.text).toContain(`au plus tard le ${frenchLongDate(implicitRejectionDate(new Date(submittedAt)))} (deux mois après ce dépôt)`);
      expect(mail.text).toContain(`http://portail.test/habilitations/${id}`);
    });

    it('tells every instructor a new request waits, with the link to instruct it', async () => {
      // Given a second platform admin
      const second = await platformAdmin(test, 'second.instructeur@federation.gouv.fr');

      // When a request is submitted
      const { id } = await submitted('instruct');

      // Then both instructors get the notice with the SIRET and the admin link
      for (const address of [instructor.account.email, second.account.email]) {
        const mail = await test.mailbox.waitForMail(address, (m) => m.subject === 'Nouvelle demande à instruire : Portail instruct');
        expect(mail.text).toContain(`SIRET ${SIRET}`);
        expect(mail.text).toContain(`http://portail.test/admin/habilitations/${id}`);
      }
    });

    it('refuses to resubmit a request already under instruction (409, French reason)', async () => {
      const { id } = await submitted();

      const response = await applicant.client.post(`/api/habilitations/${id}/submit`);

      expect(response.status).toBe(409);
      expect(response.body).toEqual({
        statusCode: 409,
        code: 'P030001',
        message: 'Impossible de soumettre une demande au statut « En cours d’instruction ».',
      });
    });

    it('refuses to edit a step while the request is under instruction', async () => {
      const { id } = await submitted();

      const response = await applicant.client.put(`/api/habilitations/${id}/steps/terms`, { termsAccepted: true });

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'P030002', message: 'Impossible de modifier une demande au statut « En cours d’instruction ».' });
    });
  });

  describe('instruction', () => {
    it('asks for changes: the submitter gets the message by e-mail and may edit again', async () => {
      // Given a submitted request
      const { id } = await submitted('changes');

      // When the instructor asks for changes
      const response = await decide(id, 'request-changes', 'Précisez la base légale : le lien ne mène pas au bon article.');

      // Then the request waits for the applicant, who is told why
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'changes_requested', allowedActions: [] });
      const mail = await test.mailbox.waitForMail(applicant.account.email, (m) => m.subject === 'Modifications demandées : Portail changes');
      expect(mail.text).toContain('Précisez la base légale : le lien ne mène pas au bon article.');
      const view = await applicant.client.get(`/api/habilitations/${id}`);
      expect(view.body.allowedActions).toEqual(['submit']);
    });

    it('lists exactly the field the applicant changed when the request is resubmitted', async () => {
      // Given a request sent back for changes
      const { id, content } = await submitted();
      await decide(id, 'request-changes', 'Le DPO indiqué n’est plus en poste, mettez à jour son adresse.');

      // When the applicant changes the DPO's address only and resubmits
      await fill(id, { contacts: { ...content.contacts, dpo: { ...content.contacts.dpo, email: 'nouveau.dpo@mairie-lyon.fr' } } });
      const response = await applicant.client.post(`/api/habilitations/${id}/submit`);

      // Then the submission event lists that field and nothing else
      expect(response.status).toBe(200);
      const events = await instructor.client.get(`/api/admin/habilitations/${id}/events`);
      expect(events.body.map((event: { type: string }) => event.type)).toEqual(['created', 'submitted', 'changes_requested', 'submitted']);
      expect(events.body[3]).toMatchObject({ fromStatus: 'changes_requested', toStatus: 'submitted', changedFields: ['contacts.dpo.email'] });
      expect(events.body[1].changedFields).toEqual([]);
    });

    it('validates: the applicant, the data controller, the DPO and the technical contact each get their one e-mail', async () => {
      // Given a submitted request
      const { id, content } = await submitted('valid');

      // When the instructor validates it with a word
      const response = await decide(id, 'validate', 'Bienvenue dans la fédération.');

      // Then the version in force is the submitted one…
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'validated', validatedVersion: 1, validatedContent: content, hasVersionInForce: true, allowedActions: ['revoke'] });
      // …and each person is told once, with the mail that fits their role
      const { dataController, dpo, technicalContact } = content.contacts;
      const validatedMail = await test.mailbox.waitForMail(applicant.account.email, (m) => m.subject === 'Demande validée : Portail valid');
      expect(validatedMail.text).toContain('Bienvenue dans la fédération.');
      const controllerMail = await test.mailbox.waitForMail(dataController.email);
      expect(controllerMail.text).toContain('Vous avez été désigné responsable de traitement');
      const dpoMail = await test.mailbox.waitForMail(dpo.email);
      expect(dpoMail.text).toContain('Vous avez été désigné délégué à la protection des données (DPO)');
      const technicalMail = await test.mailbox.waitForMail(technicalContact.email);
      expect(technicalMail.subject).toBe('Vos accès techniques pour « Portail valid »');
      expect(technicalMail.text).toContain('http://portail.test');
      // One relay period later, still exactly one each
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(await test.mailbox.to(dataController.email)).toHaveLength(1);
      expect(await test.mailbox.to(dpo.email)).toHaveLength(1);
      expect(await test.mailbox.to(technicalContact.email)).toHaveLength(1);
      expect((await test.mailbox.to(applicant.account.email)).filter((m) => m.subject === 'Demande validée : Portail valid')).toHaveLength(1);
    });

    it('refuses a request with the reason, which the submitter receives', async () => {
      const { id } = await submitted('refus');

      const response = await decide(id, 'refuse', 'Le cas d’usage ne nécessite pas d’identité vérifiée.');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'refused', allowedActions: [] });
      const mail = await test.mailbox.waitForMail(applicant.account.email, (m) => m.subject === 'Demande refusée : Portail refus');
      expect(mail.text).toContain('Le cas d’usage ne nécessite pas d’identité vérifiée.');
    });

    it('refuses to validate a draft (409, French reason)', async () => {
      const id = await draft();

      const response = await decide(id, 'validate');

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'P030001', message: 'Impossible de valider une demande au statut « Brouillon ».' });
    });

    it('refuses to submit a validated request (409, French reason)', async () => {
      const { id } = await validated();

      const response = await applicant.client.post(`/api/habilitations/${id}/submit`);

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'P030001', message: 'Impossible de soumettre une demande au statut « Validée ».' });
    });

    it('refuses to decide twice on the same submission', async () => {
      const { id } = await validated();

      const response = await decide(id, 'refuse', 'Finalement, non : motif de refus.');

      expect(response.status).toBe(409);
      expect(response.body.message).toBe('Impossible de refuser une demande au statut « Validée ».');
    });

    it('revokes a validated request: the submitter is told why and nothing is in force any more', async () => {
      const { id } = await validated('revoc');

      const response = await decide(id, 'revoke', 'Le service a fermé : habilitation révoquée.');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'revoked', hasVersionInForce: false, validatedContent: null, allowedActions: [] });
      const mail = await test.mailbox.waitForMail(applicant.account.email, (m) => m.subject === 'Habilitation révoquée : Portail revoc');
      expect(mail.text).toContain('Le service a fermé : habilitation révoquée.');
      expect((await decide(id, 'revoke', 'Une seconde fois, pour voir.')).status).toBe(409);
    });

    it('writes an audit entry for every decision, in the same transaction', async () => {
      // Given requests taken through each decision
      const { id } = await submitted();
      await decide(id, 'request-changes', 'Complétez la description du service.');
      await applicant.client.post(`/api/habilitations/${id}/submit`);
      await decide(id, 'validate');
      await decide(id, 'revoke', 'Révocation à la demande du responsable.');
      const { id: refusedId } = await submitted();
      await decide(refusedId, 'refuse', 'Hors du périmètre de FranceConnect.');

      // Then the audit log holds one entry per decision with the statuses
      const entries = await test.dataSource.getRepository(AuditLogEntity).find({ where: [{ targetId: id }, { targetId: refusedId }], order: { createdAt: 'ASC' } });
      expect(entries.map((entry) => [entry.targetId, entry.action, entry.details])).toEqual([
        [id, 'habilitation.request_changes', { fromStatus: 'submitted', toStatus: 'changes_requested', validatedVersion: 0 }],
        [id, 'habilitation.validate', { fromStatus: 'submitted', toStatus: 'validated', validatedVersion: 1 }],
        [id, 'habilitation.revoke', { fromStatus: 'validated', toStatus: 'revoked', validatedVersion: 1 }],
        [refusedId, 'habilitation.refuse', { fromStatus: 'submitted', toStatus: 'refused', validatedVersion: 0 }],
      ]);
      expect(entries.every((entry) => entry.actorAccountId === instructor.account.id && entry.targetType === 'habilitation')).toBe(true);
    });

    it('takes one decision only when instructors decide on the same request at the same moment', async () => {
      // Given submitted requests
      const ids = await Promise.all([1, 2, 3].map(async () => (await submitted()).id));

      // When five decisions arrive together on each
      const outcomes = await Promise.all(
        ids.map(async (id) => {
          const responses = await Promise.all([
            decide(id, 'validate'),
            decide(id, 'refuse', 'Refus envoyé au même instant.'),
            decide(id, 'request-changes', 'Modifications demandées au même instant.'),
            decide(id, 'validate'),
            decide(id, 'refuse', 'Second refus au même instant.'),
          ]);
          return { id, statuses: responses.map((response) => response.status).sort() };
        }),
      );

      // Then for each request one wins, the others are told the status changed, and only one decision is recorded
      for (const { id, statuses } of outcomes) {
        expect(statuses).toEqual([200, 409, 409, 409, 409]);
        expect(await test.dataSource.getRepository(AuditLogEntity).countBy({ targetId: id })).toBe(1);
        const events = await applicant.client.get(`/api/habilitations/${id}/events`);
        expect(events.body.filter((event: { actor: { role: string } }) => event.actor.role === 'instructor')).toHaveLength(1);
      }
    });

    it('accepts one submission only when the same request is submitted twice at once', async () => {
      const id = await draft();
      await fill(id, contentFor(`double${++counter}`));

      const responses = await Promise.all([applicant.client.post(`/api/habilitations/${id}/submit`), applicant.client.post(`/api/habilitations/${id}/submit`)]);

      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      const events = await applicant.client.get(`/api/habilitations/${id}/events`);
      expect(events.body.filter((event: { type: string }) => event.type === 'submitted')).toHaveLength(1);
    });

    it('leaves no trace of a decision refused by the workflow', async () => {
      const id = await draft();
      const auditBefore = await test.dataSource.getRepository(AuditLogEntity).countBy({ targetId: id });

      await decide(id, 'refuse', 'Refus d’un brouillon, impossible.');

      expect(await test.dataSource.getRepository(AuditLogEntity).countBy({ targetId: id })).toBe(auditBefore);
      expect((await applicant.client.get(`/api/habilitations/${id}/events`)).body).toHaveLength(1);
    });
  });

  describe('updating a validated request', () => {
    it('reopens it as a draft while the validated version stays in force', async () => {
      // Given a validated request
      const { id, content } = await validated();

      // When the applicant reopens it and edits the data step
      const reopened = await applicant.client.post(`/api/habilitations/${id}/reopen`);
      const edited = await applicant.client.put(`/api/habilitations/${id}/steps/data`, { claims: ['email', 'given_name'], eidasLevel: 'eidas2' });

      // Then the working copy changes but the version in force is the validated one
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'draft', hasVersionInForce: true, validatedVersion: 1, allowedActions: ['submit'] });
      expect(edited.body.content.data).toEqual({ claims: ['given_name', 'email'], eidasLevel: 'eidas2' });
      expect(edited.body.validatedContent).toEqual(content);
      const admin = await instructor.client.get(`/api/admin/habilitations/${id}`);
      expect(admin.body).toMatchObject({ status: 'draft', validatedContent: content, allowedActions: ['revoke'] });
    });

    it('submits the update as an update, listing the fields changed since the version in force', async () => {
      const { id } = await validated('maj');
      await applicant.client.post(`/api/habilitations/${id}/reopen`);
      await applicant.client.put(`/api/habilitations/${id}/steps/legal`, { ...EXAMPLE_HABILITATION_CONTENT.legal, retentionMonths: 12 });

      const response = await applicant.client.post(`/api/habilitations/${id}/submit`);

      expect(response.status).toBe(200);
      const events = await applicant.client.get(`/api/habilitations/${id}/events`);
      expect(events.body.at(-1)).toMatchObject({ type: 'submitted', fromStatus: 'draft', changedFields: ['legal.retentionMonths'] });
      await test.mailbox.waitForMail(instructor.account.email, (m) => m.subject === 'Mise à jour à instruire : Portail maj');
    });

    it('refusing the update keeps the old version in force and the request validated', async () => {
      // Given a validated request whose update is submitted
      const { id, content } = await validated('majrefus');
      await applicant.client.post(`/api/habilitations/${id}/reopen`);
      await applicant.client.put(`/api/habilitations/${id}/steps/project`, { ...content.project, projectName: 'Portail renommé' });
      await applicant.client.post(`/api/habilitations/${id}/submit`);

      // When the instructor refuses the update
      const response = await decide(id, 'refuse', 'Le nouveau nom ne correspond pas au service.');

      // Then the request is validated again, with the old version in force and shown
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'validated', validatedVersion: 1, validatedContent: content, content, projectName: 'Portail majrefus' });
      const mail = await test.mailbox.waitForMail(applicant.account.email, (m) => m.subject === 'Mise à jour refusée : Portail majrefus');
      expect(mail.text).toContain('La version validée précédemment reste en vigueur.');
    });

    it('validating the update puts it in force as version 2', async () => {
      const { id, content } = await validated();
      await applicant.client.post(`/api/habilitations/${id}/reopen`);
      const update = { ...content.data, claims: ['given_name', 'family_name'] };
      await applicant.client.put(`/api/habilitations/${id}/steps/data`, update);
      await applicant.client.post(`/api/habilitations/${id}/submit`);

      const response = await decide(id, 'validate');

      expect(response.body).toMatchObject({ status: 'validated', validatedVersion: 2, validatedContent: { ...content, data: update } });
    });

    it('lets the instructor revoke while an update is under way', async () => {
      const { id } = await validated();
      await applicant.client.post(`/api/habilitations/${id}/reopen`);

      const response = await decide(id, 'revoke', 'Révocation pendant la mise à jour.');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'revoked', hasVersionInForce: false });
    });

    it('refuses to reopen a request that is not validated', async () => {
      const { id } = await submitted();

      const response = await applicant.client.post(`/api/habilitations/${id}/reopen`);

      expect(response.status).toBe(409);
      expect(response.body.message).toBe('Impossible de rouvrir pour mise à jour une demande au statut « En cours d’instruction ».');
    });
  });

  describe('history and discussion', () => {
    it('tells the history oldest first, with who did what', async () => {
      const { id } = await submitted();
      await decide(id, 'request-changes', 'Ajoutez le lien vers la délibération.');

      const response = await applicant.client.get(`/api/habilitations/${id}/events`);

      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        expect.objectContaining({ type: 'created', fromStatus: null, toStatus: 'draft', actor: { role: 'applicant', name: 'Camille Martin' } }),
        expect.objectContaining({ type: 'submitted', fromStatus: 'draft', toStatus: 'submitted', actor: { role: 'applicant', name: 'Camille Martin' } }),
        expect.objectContaining({
          type: 'changes_requested',
          toStatus: 'changes_requested',
          actor: { role: 'instructor', name: 'Inès Tructrice' },
          message: 'Ajoutez le lien vers la délibération.',
        }),
      ]);
    });

    it('shows the messages of both sides in one thread, decisions’ messages included', async () => {
      // Given a submitted request on which the applicant writes, the instructor answers and then asks for changes
      const { id } = await submitted('fil');
      const question = await applicant.client.post(`/api/habilitations/${id}/messages`, { body: 'Faut-il joindre la délibération ?' });
      const answer = await instructor.client.post(`/api/admin/habilitations/${id}/messages`, { body: 'Oui, avec sa date.' });
      await decide(id, 'request-changes', 'Joignez la délibération, s’il vous plaît.');

      // Then both sides read the same thread, in order
      expect(question.status).toBe(201);
      expect(answer.status).toBe(201);
      const expected = [
        { author: { role: 'applicant', name: 'Camille Martin' }, body: 'Faut-il joindre la délibération ?' },
        { author: { role: 'instructor', name: 'Inès Tructrice' }, body: 'Oui, avec sa date.' },
        { author: { role: 'instructor', name: 'Inès Tructrice' }, body: 'Joignez la délibération, s’il vous plaît.' },
      ];
      expect((await applicant.client.get(`/api/habilitations/${id}/messages`)).body).toMatchObject(expected);
      expect((await instructor.client.get(`/api/admin/habilitations/${id}/messages`)).body).toMatchObject(expected);
    });

    it('e-mails the instructors when an applicant writes, and the submitter when an instructor writes', async () => {
      const { id } = await submitted('courriel');

      await applicant.client.post(`/api/habilitations/${id}/messages`, { body: 'Une question sur les données.' });
      await instructor.client.post(`/api/admin/habilitations/${id}/messages`, { body: 'Voici la réponse.' });

      const toInstructor = await test.mailbox.waitForMail(instructor.account.email, (m) => m.subject === 'Nouveau message : Portail courriel');
      expect(toInstructor.text).toContain(`http://portail.test/admin/habilitations/${id}`);
      const toApplicant = await test.mailbox.waitForMail(applicant.account.email, (m) => m.subject === 'Nouveau message : Portail courriel');
      expect(toApplicant.text).toContain(`http://portail.test/habilitations/${id}`);
      // The message itself stays on the portal
      expect(toApplicant.text).not.toContain('Voici la réponse.');
    });

    it('records each instructor message in the audit log', async () => {
      const { id } = await submitted();

      const answer = await instructor.client.post(`/api/admin/habilitations/${id}/messages`, { body: 'Bien reçu.' });

      const entries = await test.dataSource.getRepository(AuditLogEntity).findBy({ targetId: id, action: 'habilitation.message' });
      expect(entries).toEqual([expect.objectContaining({ actorAccountId: instructor.account.id, details: { messageId: answer.body.id } })]);
    });
  });
});
