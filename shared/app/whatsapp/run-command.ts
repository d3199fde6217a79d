/**
 * Executes the engine's commands with the same use cases as the web, and renders each outcome with
 * the engine's renderers. Only the citizen's own complaints are ever read or changed: ownership is
 * the WhatsApp identity that filed them (keys.citizenIdentityOf), or, for a complaint filed on the web,
 * the phone number it names when WhatsApp vouches that the citizen writes from that number.
 */
import {
  renderFailure,
  renderFeedbackAck,
  renderFiled,
  renderNoComplaintForEvidence,
  renderTrackResult,
} from '../../chat/render.ts';
import type {
  ChatCommand,
  ComplaintDraft,
  DraftAttachment,
  OutgoingMessage,
  TrackedComplaint,
} from '../../chat/types.ts';
import type { Complaint } from '../../domain/complaint.ts';
import { OPEN_STATUSES } from '../../domain/vocabulary.ts';
import type { EvidenceJobQueue } from '../evidence/ports.ts';
import type { EvidenceJob } from '../evidence/whatsapp-media.ts';
import { ConflictError, DomainError, NotFoundError, PreconditionFailedError } from '../../domain/errors.ts';
import { evidenceMentionOf } from '../../chat/evidence-text.ts';
import { isForCitizen } from '../../domain/lifecycle.ts';
import { citizenIdentityOf } from '../citizen/identity.ts';
import { fileComplaint } from '../file-complaint.ts';
import { answerInformationRequest, giveFeedback } from '../citizen/feedback.ts';
import type { ComplaintDeps, ComplaintWithTimeline } from '../ports.ts';
import { listComplaintsOfCitizen, trackComplaintOfCitizen } from '../track-complaint.ts';
import type { CommandContext } from './process-inbound.ts';
import type { FeedbackPort } from './ports.ts';
import type { Log } from '../ports.ts';

/** How many of a citizen's complaints "status" shows, newest first. */
export const TRACK_LIMIT = 5;
const LATEST_ENTRIES = 3;
const UPDATE_ATTEMPTS = 3;

/** The timeline must say why a complaint was reopened; a citizen who skipped the question still gets it reopened. */
const NO_REASON_GIVEN = 'Not satisfied (no reason given on WhatsApp)';

export interface RunCommandDeps {
  complaints: ComplaintDeps;
  feedback: FeedbackPort;
  /** Attachments go to the evidence downloader; the worker never downloads media itself. */
  evidence: EvidenceJobQueue;
  log: Log;
}

/** The downloader's job for one attachment of a complaint the citizen owns. */
const evidenceJob = (etag: string, attachment: DraftAttachment, context: CommandContext): EvidenceJob => ({
  etag,
  mediaId: attachment.mediaId,
  kind: attachment.kind,
  ...(attachment.mimeType && { mimeType: attachment.mimeType }),
  ...(attachment.describesComplaint && { describesComplaint: true }),
  citizen: {
    id: context.inbound.citizen.id,
    ...(context.inbound.citizen.waId !== undefined && { waId: context.inbound.citizen.waId }),
  },
  language: context.session.language,
});

/**
 * Whom the citizen's complaints are kept under: the WhatsApp identity they file with and, when WhatsApp gives
 * their number, that phone number (E.164), under which a complaint filed on the web with it is kept. The
 * citizen then sees, answers and adds to those too: they get its updates here once they said YES.
 */
const identitiesOf = (context: CommandContext): readonly string[] => {
  const { id, phone } = context.inbound.citizen;
  return phone && phone !== id ? [id, phone] : [id];
};

/** The identity under which the citizen owns `complaint`, if they own it. */
const ownedAs = (complaint: Complaint | undefined, identities: readonly string[]): string | undefined => {
  if (!complaint) return undefined;
  const owner = citizenIdentityOf(complaint);
  return identities.includes(owner) ? owner : undefined;
};

/** The citizen's newest complaints under all their identities, newest first. */
const complaintsOfCitizen = async (
  deps: RunCommandDeps,
  identities: readonly string[],
  limit: number,
): Promise<Complaint[]> => {
  const pages = await Promise.all(
    identities.map((identity) => listComplaintsOfCitizen(deps.complaints, identity, { limit })),
  );
  return pages
    .flatMap((page) => page.items)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
};

/** The complaint an attachment sent after filing goes to: the named one if it is theirs, else their newest open one. */
const evidenceTarget = async (
  deps: RunCommandDeps,
  identities: readonly string[],
  etag: string | undefined,
): Promise<Complaint | undefined> => {
  if (etag) {
    const complaint = await deps.complaints.complaints.get(etag);
    return ownedAs(complaint, identities) ? complaint : undefined;
  }
  return (await complaintsOfCitizen(deps, identities, TRACK_LIMIT)).find((c) =>
    OPEN_STATUSES.includes(c.status),
  );
};

const complaintRequest = (draft: ComplaintDraft, context: CommandContext) => ({
  complainant: {
    name: draft.complainant.name,
    phone: draft.complainant.phone ?? context.inbound.citizen.phone,
    overseas: draft.complainant.overseas,
    ...(draft.complainant.country && { country: draft.complainant.country }),
  },
  district: draft.district,
  category: draft.category,
  description: draft.description,
  ...(draft.location && { location: draft.location }),
  language: draft.language,
  optOutOfUpdates: draft.optOutOfUpdates,
  // The bot's promise (e.g. harassment reports handled with high priority) survives filing.
  ...(draft.priority && { priority: draft.priority }),
});

const tracked = ({ complaint, timeline }: ComplaintWithTimeline): TrackedComplaint => ({
  etag: complaint.etag,
  status: complaint.status,
  category: complaint.category,
  district: complaint.district,
  updatedAt: complaint.updatedAt,
  latest: [...timeline]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, LATEST_ENTRIES)
    .map((entry) => {
      const evidence = evidenceMentionOf(entry);
      return {
        type: entry.type,
        at: entry.at,
        ...(evidence && { evidence }),
        ...(!evidence && entry.note !== undefined && isForCitizen(entry) && { note: entry.note }),
      };
    }),
});

/** Reads the complaint, checks ownership, applies `change`, retries on a concurrent update. */
const updateOwnComplaint = async (
  deps: RunCommandDeps,
  etag: string,
  identities: readonly string[],
  change: (complaint: Complaint) => Parameters<ComplaintDeps['complaints']['update']>,
): Promise<boolean> => {
  for (let attempt = 1; attempt <= UPDATE_ATTEMPTS; attempt++) {
    const complaint = await deps.complaints.complaints.get(etag);
    if (!complaint || !ownedAs(complaint, identities)) return false;
    try {
      await deps.complaints.complaints.update(...change(complaint));
      return true;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt === UPDATE_ATTEMPTS) throw error;
    }
  }
  return false;
};

/**
 * A citizen's answer on one of their complaints, the identity it is kept under being the proof of ownership.
 * Someone else's complaint, or one no longer waiting for this answer (a second tap on an old button), is
 * ignored: the engine has already thanked the citizen.
 */
const answerOnOwnComplaint = async (
  deps: RunCommandDeps,
  etag: string,
  identities: readonly string[],
  answer: (etag: string, owner: string) => Promise<unknown>,
): Promise<void> => {
  const complaint = await deps.complaints.complaints.get(etag);
  const owner = ownedAs(complaint, identities);
  if (!complaint || !owner) {
    deps.log.info('answer on a complaint the citizen does not own ignored');
    return;
  }
  try {
    await answer(complaint.etag, owner);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    deps.log.info('answer on a complaint not waiting for it ignored', { status: complaint.status });
  }
};

export const runChatCommand = async (
  deps: RunCommandDeps,
  command: ChatCommand,
  context: CommandContext,
): Promise<OutgoingMessage[]> => {
  const lang = context.session.language;
  const identity = context.inbound.citizen.id;
  const identities = identitiesOf(context);
  const now = context.now.toISOString();
  try {
    switch (command.kind) {
      case 'fileComplaint': {
        const filed = await fileComplaint(deps.complaints, {
          input: complaintRequest(command.draft, context),
          channel: 'whatsapp',
          whatsappId: identity,
          attachments: command.draft.attachments,
          // One message files at most one complaint: a redelivery after a crash finds the first one.
          requestId: context.inbound.id,
        });
        deps.log.info('complaint filed over WhatsApp', {
          etag: filed.etag,
          category: filed.complaint.category,
        });
        // Queued after filing (a retry files nothing twice and the downloader keeps one record per media id).
        await deps.evidence.enqueue(
          command.draft.attachments.map((attachment) => evidenceJob(filed.etag, attachment, context)),
        );
        return renderFiled(lang, filed.etag, filed.trackingCode, {
          updates: !command.draft.optOutOfUpdates,
          overseas: command.draft.complainant.overseas,
        });
      }
      case 'trackComplaints': {
        if (command.etag) {
          for (const owner of identities) {
            try {
              const view = await trackComplaintOfCitizen(deps.complaints, command.etag, owner);
              const found = await deps.complaints.complaints.getWithTimeline(view.etag);
              return renderTrackResult(lang, found ? [tracked(found)] : []);
            } catch (error) {
              if (!(error instanceof NotFoundError)) throw error;
            }
          }
          // Someone else's e-tag and an unknown one read the same: "none of yours".
          return renderTrackResult(lang, []);
        }
        const mine = await complaintsOfCitizen(deps, identities, TRACK_LIMIT);
        const withTimelines = await Promise.all(
          mine.map((c) => deps.complaints.complaints.getWithTimeline(c.etag)),
        );
        return renderTrackResult(
          lang,
          withTimelines.filter((c): c is ComplaintWithTimeline => c !== undefined).map(tracked),
        );
      }
      case 'recordFeedback': {
        await deps.feedback.record({
          id: `${context.inbound.id}#${context.commandIndex}`,
          citizenId: identity,
          language: command.language,
          text: command.text,
          receivedAt: now,
        });
        return renderFeedbackAck(lang);
      }
      case 'complaintFeedback':
        // The same use case as POST /complaints/feedback: satisfied closes, not satisfied reopens one level up.
        await answerOnOwnComplaint(deps, command.etag, identities, (etag, owner) =>
          giveFeedback(deps.complaints, {
            etag,
            identity: owner,
            satisfied: command.satisfied,
            reason: command.reason ?? (command.satisfied ? undefined : NO_REASON_GIVEN),
          }),
        );
        return [];
      case 'answerInformationRequest':
        // The same use case as POST /complaints/respond: the answer resumes the SLA clock.
        await answerOnOwnComplaint(deps, command.etag, identities, (etag, owner) =>
          answerInformationRequest(deps.complaints, { etag, identity: owner, answer: command.text }),
        );
        return [];
      case 'addEvidence': {
        const target = await evidenceTarget(deps, identities, command.etag);
        if (!target) return renderNoComplaintForEvidence(lang);
        await deps.evidence.enqueue([evidenceJob(target.etag, command.attachment, context)]);
        // The evidence downloader tells the citizen what was kept, once it has checked the file.
        return [];
      }
      case 'setOptOut': {
        const etags = command.etag
          ? [command.etag]
          : (await complaintsOfCitizen(deps, identities, 50)).map((c) => c.etag);
        for (const etag of etags) {
          await updateOwnComplaint(deps, etag, identities, (complaint) => [
            { ...complaint, optOutOfUpdates: command.optOut, version: complaint.version + 1, updatedAt: now },
            complaint.version,
            [],
          ]);
        }
        return [];
      }
    }
  } catch (error) {
    // The citizen's input or the complaint's state: tell them, do not retry.
    if (error instanceof DomainError) {
      deps.log.warn('chat command refused', { command: command.kind, error: error.name });
      return renderFailure(lang);
    }
    throw error;
  }
};
