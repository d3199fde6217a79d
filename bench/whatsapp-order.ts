/**
 * The order check of the WhatsApp benchmark, over the fake Graph API's outbox: for each message the
 * worker sends its replies, then the message's read receipt. Walking one citizen's entries in arrival
 * order must give: ≥1 reply, receipt of message 0, ≥1 reply, receipt of message 1, … and nothing after
 * the last receipt. Messages processed out of order, or two at once, break that pattern.
 */
import type { OutboxEntry } from '../infra/local/fake-graph.ts';

export const benchMessageId = (citizen: string, n: number): string => `wamid.bench.${citizen}.${n}`;

export const isReply = (entry: OutboxEntry): boolean => entry.type !== 'read' && entry.status === 200;

export const readReceiptOf = (entry: OutboxEntry): string | undefined =>
  entry.type === 'read' ? (entry.request as { message_id?: string }).message_id : undefined;

export const answeredInOrder = (
  outbox: readonly OutboxEntry[],
  citizen: string,
  messages: number,
): boolean => {
  const prefix = benchMessageId(citizen, 0).slice(0, -1);
  let expected = 0;
  let repliesSinceReceipt = 0;
  for (const entry of outbox) {
    const receipt = readReceiptOf(entry);
    if (receipt?.startsWith(prefix)) {
      const n = Number(receipt.slice(prefix.length));
      if (n < expected) continue; // a repeated receipt of a message already confirmed
      if (n !== expected || repliesSinceReceipt === 0) return false;
      expected++;
      repliesSinceReceipt = 0;
    } else if (entry.to === citizen && isReply(entry)) {
      repliesSinceReceipt++;
    }
  }
  return expected === messages && repliesSinceReceipt === 0;
};
