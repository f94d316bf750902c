import {
  databaseSection,
  redisSection,
  serviceSection,
  smtpSection,
  z,
} from '@federation/config';

/** Every variable worker reads, validated at boot (see README, "Configuration"). */
export const workerConfigSchema = serviceSection(4900)
  .merge(databaseSection)
  .merge(redisSection)
  .merge(smtpSection)
  .extend({
    /** Concurrent mail jobs per worker process. */
    MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
    /** Concurrent client publications per worker process (each is one short transaction at the core). */
    PUBLICATION_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
    /** Concurrent business events per worker process (each is one short transaction). */
    STATISTICS_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
    /** A job held by a dead worker is taken up again after this long. */
    QUEUE_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).default(30_000),
    QUEUE_STALLED_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .default(30_000),
    /** Tests only: pause between applying a publication and acknowledging it (to kill the worker there). */
    FAULT_INJECTION_PUBLICATION_PAUSE_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  });

export type WorkerConfig = z.output<typeof workerConfigSchema>;
