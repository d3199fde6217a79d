/**
 * Sends one message to a citizen exactly once: the outbound record is claimed first under a
 * deterministic id with a lease, so of concurrent copies of one delivery only the lease holder sends;
 * a record that is no longer `pending` is skipped; a retryable failure releases the lease and is
 * retried by the queue; a permanent one is recorded with its reason. Inside Meta's 24-hour window
 * the message goes free-form; outside it as the approved template.
 *
 * The one window left: a sender that dies after Meta accepted the message but before `markSent` is
 * indistinguishable from one that died before sending; its lease expires and the message goes again.
 */
import type { OutgoingMessage } from '../../chat/types.ts';
import { GraphApiError, SendInProgressError } from './errors.ts';
import { asTemplateParameter, plainTextOf, toGraphMessage } from './outgoing.ts';
import type { GraphMessage, GraphPort, GraphRecipient, OutboundMessagePort } from './ports.ts';
import type { Log } from '../ports.ts';

export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3600 * 1000;
/** Meta: "more than 24 hours have passed since the customer last replied". */
export const RE_ENGAGEMENT_ERROR = 131047;

export interface DeliverDeps {
  outbound: OutboundMessagePort;
  graph: GraphPort;
  /**
   * The approved template for messages outside the 24-hour window, approved in Urdu (`language`) and in
   * English (`englishLanguage`, default `en`); each message goes out in the language its text is written in.
   */
  template: { name: string; language: string; englishLanguage?: string };
  log: Log;
}

export interface Delivery {
  readonly outboundId: string;
  readonly citizenId: string;
  readonly recipient: GraphRecipient;
  /** A reply to the citizen, or the text of a template re-send. */
  readonly message: OutgoingMessage;
  /** Start of the 24-hour window (the citizen's last inbound message); undefined = closed. */
  readonly windowStart: Date | undefined;
  readonly now: Date;
  /** Force a template (a free-form message that Meta refused with 131047). */
  readonly asTemplate?: boolean;
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'refused';

/** Arabic-script letters: the text was rendered in Urdu (messages are rendered in one language). */
const URDU_SCRIPT = /[\u0600-\u06ff]/;

export const insideWindow = (windowStart: Date | undefined, now: Date): boolean =>
  windowStart !== undefined && now.getTime() - windowStart.getTime() < CUSTOMER_SERVICE_WINDOW_MS;

export const deliver = async (deps: DeliverDeps, delivery: Delivery): Promise<DeliveryOutcome> => {
  const mode =
    delivery.asTemplate || !insideWindow(delivery.windowStart, delivery.now) ? 'template' : 'free-form';
  const fallbackText = plainTextOf(delivery.message);
  const claim = await deps.outbound.claim(
    {
      outboundId: delivery.outboundId,
      citizenId: delivery.citizenId,
      recipient: delivery.recipient,
      mode,
      fallbackText,
    },
    delivery.now,
  );
  if (claim.outcome === 'done') return 'already-sent';
  if (claim.outcome === 'busy') {
    throw new SendInProgressError(`Outbound message ${delivery.outboundId} is being sent by another worker`);
  }
  const { record, owner } = claim;
  const graphMessage: GraphMessage =
    record.mode === 'template'
      ? {
          type: 'template',
          name: deps.template.name,
          language: URDU_SCRIPT.test(record.fallbackText)
            ? deps.template.language
            : (deps.template.englishLanguage ?? 'en'),
          bodyParameters: [asTemplateParameter(record.fallbackText)],
        }
      : toGraphMessage(delivery.message);
  let wamid: string;
  try {
    ({ wamid } = await deps.graph.send(delivery.recipient, graphMessage));
  } catch (error) {
    if (!(error instanceof GraphApiError) || error.retryable) {
      // Transient (429, 5xx, time-out, reset) after the client's own retries: free the record at once so the
      // queue's retry (which keeps the citizen's order) sends it, instead of waiting out the lease.
      await deps.outbound.release(delivery.outboundId, owner);
      throw error;
    }
    // Meta will never accept this request: record it, so the worker moves on instead of blocking the citizen.
    await deps.outbound.applyStatus(delivery.outboundId, 'failed', delivery.now, error.code, error.message);
    deps.log.warn('outbound message refused', {
      outboundId: delivery.outboundId,
      status: error.status,
      code: error.code,
    });
    if (error.code === RE_ENGAGEMENT_ERROR && record.mode === 'free-form') {
      return deliver(deps, { ...delivery, outboundId: `${delivery.outboundId}#tpl`, asTemplate: true });
    }
    return 'refused';
  }
  // Meta accepted it: from here the lease is never released, so no failure below can cause a second send.
  await deps.outbound.markSent(delivery.outboundId, wamid, delivery.now);
  return 'sent';
};
