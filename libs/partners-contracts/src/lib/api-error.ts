/** One input that was refused, with the French messages to show next to the field. */
export interface FieldError {
  /** Dotted path of the field in the request body (`dpo.email`, `claims.2`). */
  field: string;
  messages: string[];
}

/** The body of every 4xx/5xx answer of partners-api. */
export interface ApiErrorBody {
  statusCode: number;
  /** Stable code of the error catalogue (`P0xxxxx`), for support and for the portal. */
  code: string;
  /** French message for the user. */
  message: string;
  errors?: FieldError[];
}
