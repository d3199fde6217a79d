import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../infra/local/fake-graph.ts';
import { answeredInOrder, benchMessageId } from '../../../bench/whatsapp-order.ts';

const citizen = '923001234567';
const other = '923007654321';
const base = { receivedAt: '', apiVersion: 'v24.0', phoneNumberId: 'p', authorized: true, status: 200 };
const reply = (to = citizen): OutboxEntry => ({ ...base, to, type: 'text', request: {} });
const receipt = (n: number, who = citizen): OutboxEntry => ({
  ...base,
  type: 'read',
  request: { status: 'read', message_id: benchMessageId(who, n) },
});

describe('answeredInOrder', () => {
  it('accepts replies then receipt, per message in order, interleaved with other citizens', () => {
    // Prepare
    const outbox = [reply(), reply(other), receipt(0, other), reply(), receipt(0), reply(), receipt(1)];
    // Act & Assess
    expect(answeredInOrder(outbox, citizen, 2)).toBe(true);
  });

  it('rejects receipts out of order', () => {
    // Prepare
    const outbox = [reply(), receipt(1), reply(), receipt(0)];
    // Act & Assess
    expect(answeredInOrder(outbox, citizen, 2)).toBe(false);
  });

  it('rejects a message confirmed without a reply before its receipt (two processed at once)', () => {
    // Prepare
    const outbox = [reply(), reply(), receipt(0), receipt(1)];
    // Act & Assess
    expect(answeredInOrder(outbox, citizen, 2)).toBe(false);
  });

  it('rejects missing receipts and replies after the last one', () => {
    // Prepare
    const missing = [reply(), receipt(0)];
    const trailing = [reply(), receipt(0), reply(), receipt(1), reply()];
    // Act & Assess
    expect(answeredInOrder(missing, citizen, 2)).toBe(false);
    expect(answeredInOrder(trailing, citizen, 2)).toBe(false);
  });

  it('ignores a repeated receipt of a message already confirmed', () => {
    // Prepare
    const outbox = [reply(), receipt(0), receipt(0), reply(), receipt(1)];
    // Act & Assess
    expect(answeredInOrder(outbox, citizen, 2)).toBe(true);
  });
});
