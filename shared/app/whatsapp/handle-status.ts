/**
 * A status webhook (sent, delivered, read, failed) moves the outbound record forward. A free-form
 * message that failed with 131047 (the citizen's 24-hour window had closed) is re-sent once as the
 * approved template.
 */
import type { WaStatus } from '../../schemas/whatsapp.ts';
import { deliver, RE_ENGAGEMENT_ERROR, type DeliverDeps } from './deliver.ts';
import type { Clock } from '../ports.ts';
import type { OutboundState } from './ports.ts';

const TRACKED: readonly string[] = ['sent', 'delivered', 'read', 'failed'] satisfies OutboundState[];

export interface HandleStatusDeps extends DeliverDeps {
  clock: Clock;
}

export const handleStatus = async (deps: HandleStatusDeps, status: WaStatus): Promise<void> => {
  if (!TRACKED.includes(status.status)) {
    deps.log.info('status ignored', { status: status.status });
    return;
  }
  const record = await deps.outbound.findByWamid(status.id);
  if (!record) {
    // Not sent through the outbound store (another sender, or a record past its TTL).
    deps.log.info('status for an unknown outbound message', { status: status.status });
    return;
  }
  const now = deps.clock.now();
  const seconds = Number(status.timestamp);
  const at = Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : now;
  const codes = (status.errors ?? []).flatMap((e) => (e.code === undefined ? [] : [e.code]));
  await deps.outbound.applyStatus(record.outboundId, status.status as OutboundState, at, codes[0]);
  if (status.status === 'failed') {
    deps.log.warn('outbound message failed', { outboundId: record.outboundId, codes });
    if (codes.includes(RE_ENGAGEMENT_ERROR) && record.mode === 'free-form') {
      await deliver(deps, {
        outboundId: `${record.outboundId}#tpl`,
        citizenId: record.citizenId,
        recipient: record.recipient,
        message: { kind: 'text', body: record.fallbackText },
        windowStart: undefined,
        now,
        asTemplate: true,
      });
    }
  }
};
