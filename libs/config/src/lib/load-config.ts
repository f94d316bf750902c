import { z } from 'zod';

/** Raised when the environment does not satisfy a configuration schema. */
export class ConfigValidationError extends Error {
  constructor(
    readonly service: string,
    readonly issues: string[],
  ) {
    super(`Invalid configuration for ${service}: ${issues.join('; ')}`);
    this.name = 'ConfigValidationError';
  }
}

export type EnvSource = Record<string, string | undefined>;

/**
 * Parses the environment with a zod schema whose keys are variable names.
 * Every problem is reported at once, each naming the variable, so that an operator fixes them in one go.
 */
export function loadConfig<S extends z.ZodTypeAny>(
  service: string,
  schema: S,
  env: EnvSource,
): z.output<S> {
  const result = schema.safeParse(stripEmpty(env));
  if (!result.success) {
    throw new ConfigValidationError(
      service,
      result.error.issues.map(describeIssue),
    );
  }
  return result.data;
}

/**
 * The boot-time variant: prints one clear line and exits with status 78 (EX_CONFIG)
 * instead of a stack trace.
 */
export function loadConfigOrExit<S extends z.ZodTypeAny>(
  service: string,
  schema: S,
  env: EnvSource,
): z.output<S> {
  try {
    return loadConfig(service, schema, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const variable = issue.path.join('.') || '(root)';
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `${variable} is required`;
  }
  return `${variable} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
}

/** An empty variable (`FOO=`) counts as unset, so that defaults apply. */
function stripEmpty(env: EnvSource): EnvSource {
  return Object.fromEntries(
    Object.entries(env).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
}
