import type { IsoDate } from '../shared/ukDates';

/**
 * The typed shapes an answer takes once it has been validated.
 *
 * Why a tagged union: answers are stored for years and outlive question sets,
 * so each one says what type it is. A retired answer (its question removed or
 * changed type in a later set) can then still be shown and exported correctly.
 */

export const APPLICATION_PURPOSES = ['voip', 'scan-to-email', 'alerts', 'appointment-reminders', 'other'] as const;
export type ApplicationPurpose = (typeof APPLICATION_PURPOSES)[number];

export const MAIL_ROUTES = ['smtp-relay', 'exchange', 'other', 'unknown'] as const;
export type MailRoute = (typeof MAIL_ROUTES)[number];

/** One local system that sends or receives email, which may need re-integrating with NHSmail. */
export interface ApplicationEntry {
  readonly name: string;
  readonly purpose: ApplicationPurpose;
  readonly sendsMailVia: MailRoute;
  /** Who looks after it locally or at the supplier. */
  readonly contact?: string;
  /** Marked for re-integration work: becomes a checklist note or a risk. */
  readonly flagged?: boolean;
}

/** A calendar month as `YYYY-MM`. */
export type IsoMonth = string;

/** Planned new NHSmail registrations in one month, as the pipeline team asks for them. */
export interface RegistrationMonth {
  readonly month: IsoMonth;
  readonly planned: number;
}

export type TypedAnswer =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'yes-no'; readonly value: boolean }
  | { readonly type: 'choice'; readonly value: string }
  | { readonly type: 'multi-choice'; readonly value: readonly string[] }
  | { readonly type: 'date'; readonly value: IsoDate }
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'email'; readonly value: string }
  | { readonly type: 'application-list'; readonly value: readonly ApplicationEntry[] }
  | { readonly type: 'monthly-registrations'; readonly value: readonly RegistrationMonth[] };

export type AnswerType = TypedAnswer['type'];

/** Labels for the fixed lists above, used by validation messages and exports. */
export const APPLICATION_PURPOSE_LABELS: Readonly<Record<ApplicationPurpose, string>> = {
  voip: 'VOIP phones',
  'scan-to-email': 'Scan to email',
  alerts: 'System alerts',
  'appointment-reminders': 'Appointment reminders',
  other: 'Other',
};

export const MAIL_ROUTE_LABELS: Readonly<Record<MailRoute, string>> = {
  'smtp-relay': 'SMTP relay',
  exchange: 'Exchange',
  other: 'Other',
  unknown: 'Not known',
};
