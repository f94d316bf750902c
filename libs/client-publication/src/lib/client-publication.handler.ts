import { applyClientPublication, type PublicationOutcome } from '@federation/core-data';
import { clientRegistryChannel, type ClientPublicationJob } from '@federation/queue';
import { UnrecoverableError, type Job } from 'bullmq';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';

/** Postgres classes of errors that no retry will fix: data exceptions (22) and integrity violations (23). */
const PERMANENT_SQLSTATE = /^2[23]/;

/**
 * One publication: applied at the core (idempotent: a replay after a crash changes nothing), then
 * acknowledged at the partners side. A kill between the two is harmless: the job is taken up again,
 * finds its (client, version) in the core's publication log, and only acknowledges.
 */
export class ClientPublicationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly redisPrefix: string,
    private readonly pauseAfterApplyMs: number,
  ) {}

  async handle(job: Job<ClientPublicationJob>): Promise<PublicationOutcome> {
    let outcome: PublicationOutcome;
    try {
      outcome = await applyClientPublication(this.dataSource, job.data);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && PERMANENT_SQLSTATE.test(code))
        throw new UnrecoverableError(`the core refused the configuration (SQLSTATE ${code})`);
      throw error;
    }
    // The core instances drop their cached copy now (best effort: their cache expires anyway).
    if (outcome === 'applied')
      await this.redis.publish(clientRegistryChannel(this.redisPrefix), job.data.configuration.clientId).catch(() => 0);
    if (this.pauseAfterApplyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.pauseAfterApplyMs));
    await this.dataSource.query(
      `UPDATE "partners"."client_publication"
          SET "status" = 'published', "published_at" = coalesce("published_at", now()), "failure_reason" = NULL
        WHERE "id" = $1`,
      [job.data.publicationId],
    );
    return outcome;
  }

  /** After the last attempt: the partner sees why (in French), the technical detail stays in the logs. */
  async markFailed(publicationId: string, error: Error): Promise<void> {
    const reason =
      error.name === 'UnrecoverableError'
        ? 'Le registre du cœur a refusé cette configuration. Corrigez-la et enregistrez-la à nouveau ; si le problème persiste, contactez le support.'
        : 'Le cœur de la fédération est resté injoignable. Enregistrez la configuration à nouveau dans quelques minutes ; si le problème persiste, contactez le support.';
    await this.dataSource.query(
      `UPDATE "partners"."client_publication" SET "status" = 'failed', "failure_reason" = $2
        WHERE "id" = $1 AND "status" <> 'published'`,
      [publicationId, reason],
    );
  }
}
