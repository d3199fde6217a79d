/**
 * A citizen on WhatsApp against a running local runtime, as Meta would drive it: signed webhook POSTs in
 * (infra/local/webhook-payload.ts), replies read from the fake Graph API's outbox. Each message waits until
 * the bot has read it (the worker marks every handled message read), so replies come back in order.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { signedWebhookRequest, webhookBody } from '../../infra/local/webhook-payload.ts';
import type { RunningLocalRuntime } from './local-runtime.ts';

export interface OutboxReply {
  type: string;
  status: number;
  request: {
    text?: { body: string };
    interactive?: {
      body?: { text: string };
      action?: { buttons?: { reply: { id: string; title: string } }[] };
    };
  };
}

export const replyText = (e: OutboxReply): string =>
  e.request.text?.body ?? e.request.interactive?.body?.text ?? '';

/** A fresh Pakistani mobile number as WhatsApp writes it (digits, country code first). */
export const newCitizenNumber = (): string =>
  `92300${String(randomBytes(3).readUIntBE(0, 3) % 10_000_000).padStart(7, '0')}`;

export interface WhatsAppCitizen {
  readonly number: string;
  /** Every reply sent to this citizen so far (read receipts and failed sends left out). */
  replies(): Promise<OutboxReply[]>;
  /** Sends one message (its type-specific part) and answers the texts of the replies it caused. */
  say(message: Record<string, unknown>): Promise<string[]>;
  text(body: string): Promise<string[]>;
  button(id: string, title: string): Promise<string[]>;
  /** Presses the first button of the bot's last message. */
  pressFirstButton(): Promise<string[]>;
}

export const whatsAppCitizen = (
  runtime: RunningLocalRuntime,
  number: string = newCitizenNumber(),
  profileName = 'Ayesha Khan',
): WhatsAppCitizen => {
  /** A person types slower than a test: Meta's timestamps are spaced 8 s apart so flood control stays quiet. */
  let sentAt = Math.floor(Date.now() / 1000);
  const replies = async (): Promise<OutboxReply[]> =>
    (await runtime.outbox(number)).filter(
      (e) => e.type !== 'read' && e.status === 200,
    ) as unknown as OutboxReply[];

  const say = async (message: Record<string, unknown>): Promise<string[]> => {
    const before = (await replies()).length;
    const id = `wamid.e2e.${randomBytes(10).toString('base64url')}`;
    const body = webhookBody({ from: number, profileName, id, timestamp: (sentAt += 8), message });
    const response = await fetch(`${runtime.apiUrl}/webhook`, signedWebhookRequest(body));
    expect(response.status).toBe(200);
    for (let i = 0; i < 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const outbox = (await runtime.outbox()) as unknown as {
        type: string;
        request: { message_id?: string };
      }[];
      if (outbox.some((e) => e.type === 'read' && e.request.message_id === id)) break;
    }
    return (await replies()).slice(before).map(replyText);
  };
  const button = (buttonId: string, title: string) =>
    say({
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: buttonId, title } },
    });

  return {
    number,
    replies,
    say,
    text: (text) => say({ type: 'text', text: { body: text } }),
    button,
    pressFirstButton: async () => {
      const first = (await replies()).at(-1)?.request.interactive?.action?.buttons?.[0]?.reply;
      if (!first) throw new Error('the bot’s last message has no button');
      return button(first.id, first.title);
    },
  };
};

/** Registers bytes with the fake Graph API: a media id a webhook can then name. */
export const registerMedia = async (
  runtime: RunningLocalRuntime,
  media: { id: string; mimeType: string; bytes: Uint8Array },
): Promise<void> => {
  const response = await fetch(`${runtime.apiUrl}/__local/whatsapp/media`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: media.id,
      mimeType: media.mimeType,
      base64: Buffer.from(media.bytes).toString('base64'),
    }),
  });
  expect(response.status).toBe(200);
};

/** Files a complaint in Lahore on WhatsApp whose description is a voice note; answers its e-tag. */
export const fileVoiceNoteComplaint = async (
  on: RunningLocalRuntime,
  voice: { mediaId: string; bytes: Uint8Array },
): Promise<{ etag: string; citizen: WhatsAppCitizen }> => {
  await registerMedia(on, { id: voice.mediaId, mimeType: 'audio/ogg; codecs=opus', bytes: voice.bytes });
  const citizen = whatsAppCitizen(on);
  await citizen.text('english');
  await citizen.text('complaint');
  await citizen.text('Lahore');
  await citizen.text('4');
  const afterVoice = await citizen.say({
    type: 'audio',
    audio: { id: voice.mediaId, mime_type: 'audio/ogg; codecs=opus', voice: true },
  });
  expect(afterVoice.join('\n')).toMatch(/location/i);
  await citizen.pressFirstButton(); // no location
  await citizen.pressFirstButton(); // confirm the details
  const filed = (await citizen.pressFirstButton()).join('\n'); // submit
  const etag = /E-tag number: \*([A-Z0-9-]+)\*/.exec(filed)?.[1];
  if (!etag) throw new Error(`no e-tag in the filing reply:\n${filed}\n${on.output().slice(-3000)}`);
  return { etag, citizen };
};
