/** Keeps the address typed at signup for the verification page (30 minutes, path /inscription, HttpOnly). */
export const SIGNUP_EMAIL_COOKIE = 'ep_signup_email';
