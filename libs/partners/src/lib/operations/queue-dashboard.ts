import type { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { QUEUE_DASHBOARD_PORTAL_PATH } from '@federation/partners-contracts';
import { AccountEntity } from '@federation/partners-data';
import { JobPublisher, QUEUES } from '@federation/queue';
import { setMetricsRoute } from '@federation/server';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { MethodNotAllowedError, NotAuthenticatedError, PlatformAdminOnlyError, type PartnersError } from '../common/partners.errors';
import { readCookie } from '../common/session.guard';
import { SessionStore } from '../common/session.store';

/** Where partners-api serves the dashboard; the portal relays it at QUEUE_DASHBOARD_PORTAL_PATH. */
export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Bull Board over the platform's queues (mail, business events, client publications), read-only,
 * for platform admins signed in to the Espace Partenaire: their session cookie is checked like on
 * every admin route. Read-only: no retry, no clean, no job payload change from a browser (and so
 * nothing a cross-site request could trigger).
 */
export function mountQueueDashboard(app: INestApplication, cookieName: string): void {
  const sessions = app.get(SessionStore);
  const accounts = app.get(DataSource).getRepository(AccountEntity);
  const publisher = app.get(JobPublisher);
  const serverAdapter = new ExpressAdapter();
  // The pages link their assets and API through the portal, which relays them here.
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PORTAL_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(publisher.queue(name), { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Files d’attente', locale: { lng: 'fr-FR' } } },
  });
  const refuse = (response: Response, error: PartnersError): void => void response.status(error.getStatus()).json(error.toBody());
  const platformAdminsOnly = async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    // One label for the whole dashboard (pages, assets, its API) in the request metrics.
    setMetricsRoute(request, `${QUEUE_DASHBOARD_PATH}/*`);
    try {
      if (!SAFE_METHODS.has(request.method)) {
        response.set('allow', 'GET, HEAD');
        return refuse(response, new MethodNotAllowedError());
      }
      const session = await sessions.find(readCookie(request, cookieName));
      if (!session || session.stage !== 'authenticated') return refuse(response, new NotAuthenticatedError());
      const account = await accounts.findOneBy({ id: session.accountId });
      if (!account?.emailVerifiedAt) return refuse(response, new NotAuthenticatedError());
      if (!account.isPlatformAdmin) return refuse(response, new PlatformAdminOnlyError());
      next();
    } catch (error) {
      next(error);
    }
  };
  app.use(QUEUE_DASHBOARD_PATH, platformAdminsOnly, serverAdapter.getRouter());
}
