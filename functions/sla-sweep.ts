/** Scheduled (EventBridge Scheduler): finds complaints due on the sparse SLA index; warns, escalates, opens follow-ups. */
import middy from '@middy/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { runSlaSweep, type SweepReport } from '../shared/app/sla/sweep.ts';
import { SWEEP_LEASE_MS, sweepDeps, sweepLeases } from '../shared/runtime/officer.ts';
import { logger, metrics } from '../shared/runtime/powertools.ts';
import { MetricUnit } from '@aws-lambda-powertools/metrics';

/** Kept free at the end of a run: the page in flight finishes, the report is logged, the leases released. */
const RESERVE_MS = 20_000;

export const handler = middy<ScheduledEvent, SweepReport>().handler(async (_event, context: Context) => {
  const report = await runSlaSweep({
    ...sweepDeps(),
    remainingMs: () => context.getRemainingTimeInMillis() - RESERVE_MS,
    // A lease outlives the run only if the run dies; then it expires with the function's timeout.
    leases: { leases: sweepLeases(), owner: context.awsRequestId, leaseMs: SWEEP_LEASE_MS },
  });
  logger().info('SLA sweep finished', { ...report });
  metrics().addMetric('SlaItemsRead', MetricUnit.Count, report.itemsRead);
  metrics().addMetric('SlaWarnings', MetricUnit.Count, report.warned);
  metrics().addMetric('SlaEscalations', MetricUnit.Count, report.escalated);
  metrics().addMetric('SlaFailures', MetricUnit.Count, report.failed);
  metrics().addMetric('SlaHandedOver', MetricUnit.Count, report.handedOver ? 1 : 0);
  metrics().publishStoredMetrics();
  return report;
});
