import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CSRF_HEADER } from './common/session.guard';
import { mountQueueDashboard } from './operations/queue-dashboard';

/** The OpenAPI document of partners-api, served at /api/docs (UI) and /api/docs-json. */
export function setUpOpenApi(app: INestApplication, cookieName: string): void {
  const config = new DocumentBuilder()
    .setTitle('Partners API — Espace Partenaire')
    .setDescription(
      'Comptes, organisations (SIRET), demandes d’habilitation FranceConnect et leur instruction. ' +
        'Authentification par cookie de session ; tout appel qui modifie des données porte le jeton `X-CSRF-Token` renvoyé par /api/auth/session. ' +
        'Les erreurs suivent le format ApiErrorBody (code P0xxxxx, message en français, erreurs par champ).',
    )
    .setVersion('1')
    .addCookieAuth(cookieName, { type: 'apiKey', in: 'cookie', name: cookieName }, 'session')
    .addApiKey({ type: 'apiKey', in: 'header', name: CSRF_HEADER }, 'csrf')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** Global prefix, proxy trust, OpenAPI and the queue dashboard: what main.ts and the tests both apply. */
export function configurePartnersApp(app: INestApplication, options: { cookieName: string; trustProxy: boolean }): void {
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  if (options.trustProxy) app.getHttpAdapter().getInstance().set?.('trust proxy', true);
  setUpOpenApi(app, options.cookieName);
  mountQueueDashboard(app, options.cookieName);
}
