/** Schedule (hourly) → the officers' daily digest of non-urgent new complaints, at the configured hour. */
import middy from '@middy/core';
import { sendDigests } from '../shared/app/notify/officer-digest.ts';
import { alerterDeps } from '../shared/runtime/notify.ts';
import { logger } from '../shared/runtime/powertools.ts';

export const handler = middy().handler(async () => {
  const report = await sendDigests(alerterDeps());
  logger().info('Officer digest', { ...report });
  return report;
});
