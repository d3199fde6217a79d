/**
 * Scheduled nightly, or invoked by hand: recomputes the monitoring counters of a district × day from the
 * complaints and follow-ups and reports drift (docs/monitoring-counters.md). The schedule checks
 * yesterday for every district; a manual invocation may name `{ "district": "LHR", "day": "2026-11-28",
 * "repair": true }`.
 */
import middy from '@middy/core';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DISTRICTS } from '../shared/domain/districts.ts';
import { previousCounterDay, reconcileCounters, type ReconcileReport } from '../shared/app/counters.ts';
import { clock } from '../shared/runtime/common.ts';
import { reconcileDeps } from '../shared/runtime/officer.ts';
import { logger, metrics } from '../shared/runtime/powertools.ts';

interface ReconcileRequest {
  district?: unknown;
  day?: unknown;
  repair?: unknown;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const handler = middy<ReconcileRequest | undefined, { reports: ReconcileReport[] }>().handler(
  async (event) => {
    const day =
      typeof event?.day === 'string' && DAY.test(event.day) ? event.day : previousCounterDay(clock.now());
    const districts =
      typeof event?.district === 'string' ? DISTRICTS.filter((d) => d.code === event.district) : DISTRICTS;
    const reports: ReconcileReport[] = [];
    for (const { code } of districts) {
      reports.push(
        await reconcileCounters(reconcileDeps(), { district: code, day, repair: event?.repair === true }),
      );
    }
    const drifted = reports.filter((r) => Object.keys(r.drift).length > 0);
    logger().info('Counters reconciled', { day, districts: reports.length, drifted: drifted.length });
    metrics().addMetric('CounterDriftDistricts', MetricUnit.Count, drifted.length);
    metrics().publishStoredMetrics();
    return { reports };
  },
);
