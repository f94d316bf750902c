import { z } from '@federation/config';

/** The login form as posted by the page (urlencoded); unknown fields are refused. */
export const loginFormSchema = z
  .object({
    csrf: z.string().min(1).max(200),
    login: z
      .string()
      .max(200)
      .default('')
      .transform((value) => value.trim()),
    password: z.string().max(200).default(''),
    acr: z.string().max(50).default(''),
  })
  .strict();

export type LoginForm = z.output<typeof loginFormSchema>;
