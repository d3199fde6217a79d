/**
 * Webhook deliveries shaped like Meta's (one message of one citizen per POST) and signed with the app
 * secret, for the local tools that play the citizen: the chat CLI and the benchmarks.
 */
import { randomBytes } from 'node:crypto';
import { SIGNATURE_HEADER, signBodyAsMeta } from '../../shared/app/whatsapp/signature.ts';

/** The secret the local runtime gives the functions unless WHATSAPP_APP_SECRET is set. */
export const localAppSecret = (): string => process.env.WHATSAPP_APP_SECRET || 'local-app-secret';

export const newMessageId = (prefix = 'local'): string =>
  `wamid.${prefix}.${randomBytes(12).toString('base64url')}`;

export interface CitizenMessage {
  /** The citizen's wa_id (digits, no +). */
  readonly from: string;
  readonly profileName?: string;
  /** The message's type-specific part, e.g. `{ type: 'text', text: { body: 'salam' } }`. */
  readonly message: Record<string, unknown>;
  readonly id?: string;
  /** Epoch seconds, as Meta sends it; default now. */
  readonly timestamp?: number;
}

export const webhookBody = (input: CitizenMessage): string =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'LOCAL_WABA',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: 'local-phone-number-id' },
              contacts: [{ profile: { name: input.profileName ?? 'Local Citizen' }, wa_id: input.from }],
              messages: [
                {
                  from: input.from,
                  id: input.id ?? newMessageId(),
                  timestamp: String(input.timestamp ?? Math.floor(Date.now() / 1000)),
                  ...input.message,
                },
              ],
            },
          },
        ],
      },
    ],
  });

/** The headers Meta sends with a webhook delivery of `body`. */
export const signedWebhookHeaders = (
  body: string,
  appSecret: string = localAppSecret(),
): Record<string, string> => ({
  'content-type': 'application/json',
  [SIGNATURE_HEADER]: signBodyAsMeta(body, appSecret),
});

/** A ready-to-send `fetch` init: the body and the headers Meta would send with it. */
export const signedWebhookRequest = (body: string, appSecret: string = localAppSecret()): RequestInit => ({
  method: 'POST',
  headers: signedWebhookHeaders(body, appSecret),
  body,
});
