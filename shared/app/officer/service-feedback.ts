/**
 * GET /officer/monitoring/feedback: the feedback and suggestions citizens sent with WhatsApp service 15,
 * newest first, for the CPO (and ADMIN). The text, its language and when it came; never who sent it (the
 * WhatsApp id is a phone number, and feedback is about the service, not a case). docs/force.md.
 */
import { ForbiddenError } from '../../domain/errors.ts';
import type { Officer } from '../../domain/officer.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './complaints.ts';
import type { FeedbackReader, Page } from './ports.ts';

export interface ServiceFeedbackView {
  id: string;
  language: string;
  text: string;
  receivedAt: string;
}

export const listServiceFeedback = async (
  deps: { feedback: FeedbackReader },
  input: { officer: Officer; from?: string; to?: string; limit?: number; cursor?: string },
): Promise<Page<ServiceFeedbackView>> => {
  if (input.officer.role !== 'CPO' && input.officer.role !== 'ADMIN') {
    throw new ForbiddenError('Service feedback is read by the CPO');
  }
  const page = await deps.feedback.list({
    limit: Math.min(Math.max(input.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE),
    ...(input.cursor ? { cursor: input.cursor } : {}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
  });
  return {
    ...page,
    items: page.items.map(({ id, language, text, receivedAt }) => ({ id, language, text, receivedAt })),
  };
};
