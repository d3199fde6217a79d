/**
 * Who a WhatsApp id is. Meta sends a citizen's phone-number WhatsApp id (`wa_id`, digits) and, for
 * citizens with a username, a business-scoped user id (BSUID: two-letter country code, a period, then
 * letters and digits, e.g. `US.13491208655302741918`; Meta's earliest examples used `user.<hex>`). A BSUID
 * can arrive in `from`, `from_user_id` or `contacts[].user_id`: whichever field, replies address it as
 * `recipient`, a phone number as `to`. Anything else (empty, a placeholder) addresses nobody.
 */
import type { GraphRecipient } from './ports.ts';

export const isPhoneWaId = (value: string | undefined): value is string => /^\d{6,15}$/.test(value ?? '');

export const isBusinessScopedId = (value: string | undefined): value is string =>
  /^(?:[A-Z]{2}|user)\.[A-Za-z0-9][A-Za-z0-9.]{0,127}$/.test(value ?? '');

/** How to address a citizen from the ids we hold for them, or undefined when none is addressable. */
export const graphRecipientOf = (...ids: readonly (string | undefined)[]): GraphRecipient | undefined => {
  const waId = ids.find(isPhoneWaId);
  const userId = ids.find(isBusinessScopedId);
  if (waId === undefined && userId === undefined) return undefined;
  return { ...(waId !== undefined && { waId }), ...(userId !== undefined && { userId }) };
};
