import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { IntegrationCheckStatus, IntegrationReportView } from '@federation/partners-contracts';

import { formatDateTime } from '../habilitations/format';

const STATUS: Record<IntegrationCheckStatus, { label: string; severity: 'success' | 'error' | 'info' }> = {
  passed: { label: 'Fait', severity: 'success' },
  failed: { label: 'À corriger', severity: 'error' },
  pending: { label: 'À faire', severity: 'info' },
};

/**
 * The sandbox client's integration checklist, from its real traffic at the core: what is done, what
 * is left before asking for production, and the errors met with what to fix.
 */
export function IntegrationChecklist({ report, headingLevel = 2 }: { report: IntegrationReportView; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const done = report.checks.filter((check) => check.status === 'passed').length;
  return (
    <section aria-labelledby={`titre-integration-${report.serviceProviderId}`} className={fr.cx('fr-mb-6w')} data-testid="integration-checklist">
      <Heading id={`titre-integration-${report.serviceProviderId}`}>Vérifications d’intégration</Heading>
      <p>
        Calculées à partir des vraies requêtes de votre client bac à sable (client_id <code>{report.clientId}</code>) :{' '}
        <strong>
          {done} sur {report.checks.length}
        </strong>{' '}
        {report.complete ? '— votre intégration est prête pour la mise en production.' : 'étapes faites.'}
      </p>
      <ol className={fr.cx('fr-mb-3w')}>
        {report.checks.map((check) => (
          <li key={check.key} data-testid={`check-${check.key}`} className={fr.cx('fr-mb-2w')}>
            <Badge small severity={STATUS[check.status].severity} noIcon={false} className={fr.cx('fr-mr-1w')}>
              {STATUS[check.status].label}
            </Badge>
            <strong>{check.label.replace(/`/g, '')}</strong>
            {check.detail && <span> ({check.detail})</span>}
            {check.lastSeenAt && <span className={fr.cx('fr-text--sm')}> — vu le {formatDateTime(check.lastSeenAt)}</span>}
            {check.status !== 'passed' && <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>{check.help.replace(/`/g, '')}</p>}
          </li>
        ))}
      </ol>
      {report.errors.length > 0 && (
        <div className={fr.cx('fr-table')}>
          <table data-testid="integration-errors">
            <caption>Erreurs rencontrées par votre client</caption>
            <thead>
              <tr>
                <th scope="col">Étape</th>
                <th scope="col">Code</th>
                <th scope="col">Nombre</th>
                <th scope="col">Dernière fois</th>
                <th scope="col">Que faire</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((error) => (
                <tr key={`${error.step}-${error.code}`}>
                  <td>{error.stepLabel}</td>
                  <td>
                    <code>{error.code}</code>
                  </td>
                  <td>{error.count}</td>
                  <td>{formatDateTime(error.lastSeenAt)}</td>
                  <td>{error.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
