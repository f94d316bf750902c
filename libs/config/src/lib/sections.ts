import { z } from 'zod';

/**
 * Reusable configuration sections. Each app composes the ones it needs in its own
 * `config/` folder; the variable names are the same everywhere (README, docker/, start script).
 */

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

export const port = (fallback: number) =>
  z.coerce.number().int().min(1).max(65535).default(fallback);

export const httpUrl = () => url(['http:', 'https:']);

export const serviceSection = (defaultPort: number) =>
  z.object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'])
      .default('development'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    PORT: port(defaultPort),
    HOST: z.string().default('0.0.0.0'),
    /** Bearer token required by GET /metrics; unset (or empty): /metrics is open (development). */
    METRICS_TOKEN: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.string().min(16, 'must be at least 16 characters long').optional(),
    ),
  });

export const databaseSection = z.object({
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

export const redisSection = z.object({
  REDIS_URL: url(['redis:', 'rediss:']),
  /** Namespaces every key (sessions, queues, rate limits) so stacks and test suites never collide. */
  REDIS_PREFIX: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9_-]*$/i,
      'must contain only letters, digits, "-" and "_"',
    )
    .default('fed'),
});

export const smtpSection = z.object({
  SMTP_URL: url(['smtp:', 'smtps:']),
  MAIL_FROM: z
    .string()
    .default('Fédération d’identité <ne-pas-repondre@federation.localhost>'),
});

export type ServiceConfig = z.output<ReturnType<typeof serviceSection>>;
export type DatabaseConfig = z.output<typeof databaseSection>;
export type RedisConfig = z.output<typeof redisSection>;
export type SmtpConfig = z.output<typeof smtpSection>;
