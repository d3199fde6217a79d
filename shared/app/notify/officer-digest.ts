/**
 * The daily digest (issue 9): at the configured hour (Pakistan time) each post's holder gets one WhatsApp
 * message listing the non-urgent complaints filed for their post since the last digest. Runs on a schedule
 * (hourly); before the hour it does nothing, after it each digest goes out once (`digest#<date>#<post>#<service no.>`).
 */
import { describePost } from '../../domain/force/structure.ts';
import { holderAt } from '../force/accountability.ts';
import { sendToOfficer, type DigestEntry, type OfficerAlerterDeps } from './officer-alerter.ts';
import { digestText } from './officer-text.ts';

export interface DigestReport {
  digestDate?: string;
  posts: number;
  messaged: number;
  vacant: number;
}

export const sendDigests = async (deps: OfficerAlerterDeps): Promise<DigestReport> => {
  const now = deps.clock.now();
  const local = new Date(now.getTime() + 5 * 3600_000);
  if (local.getUTCHours() < deps.digestHourPkt) return { posts: 0, messaged: 0, vacant: 0 };
  const digestDate = local.toISOString().slice(0, 10);
  const byPost = new Map<string, DigestEntry[]>();
  for (const entry of await deps.digests.entries(digestDate)) {
    byPost.set(entry.postId, [...(byPost.get(entry.postId) ?? []), entry]);
  }
  const structure = await deps.force.structure();
  const report: DigestReport = { digestDate, posts: byPost.size, messaged: 0, vacant: 0 };
  for (const [postId, items] of byPost) {
    const post = structure.post(postId);
    const holder = await holderAt(deps.force, postId, now);
    if (!post || !holder) {
      report.vacant++;
      continue;
    }
    const text = digestText({
      post: describePost(structure, post),
      date: digestDate,
      items: items.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)),
      link: `${deps.consoleUrl.replace(/\/$/, '')}/complaints`,
    });
    if (
      await sendToOfficer(deps, `digest#${digestDate}#${postId}#${holder.serviceNumber}`, holder, text, now)
    ) {
      report.messaged++;
    }
  }
  return report;
};
