/** Scheduled (EventBridge Scheduler): finds complaints due on the sparse SLA index; warns, escalates, opens follow-ups. */
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { runSlaSweep, type SweepReport } from '../shared/app/sla/sweep.ts';
import { sweepDeps } from '../shared/runtime/officer.ts';
import { logger, metrics } from '../shared/runtime/powertools.ts';
import { MetricUnit } from '@aws-lambda-powertools/metrics';

export const handler = middy<ScheduledEvent, SweepReport>().handler(async () => {
  const report = await runSlaSweep(sweepDeps());
  logger().info('SLA sweep finished', { ...report });
  metrics().addMetric('SlaItemsRead', MetricUnit.Count, report.itemsRead);
  metrics().addMetric('SlaWarnings', MetricUnit.Count, report.warned);
  metrics().addMetric('SlaEscalations', MetricUnit.Count, report.escalated);
  metrics().addMetric('SlaFailures', MetricUnit.Count, report.failed);
  metrics().publishStoredMetrics();
  return report;
});
