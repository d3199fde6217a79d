/**
 * File a complaint (web, API or WhatsApp): validate, mint an e-tag and a tracking code, write the
 * complaint with its `ComplaintFiled` timeline entry, retry with a fresh e-tag on a collision.
 */
import * as z from '../domain/zod.ts';
import { findCategory } from '../domain/categories.ts';
import { AttachmentSchema, newComplaint, type Attachment, type Complaint } from '../domain/complaint.ts';
import { suggestDistrictFor } from '../domain/district-boundaries.ts';
import { ChatComplaintInputSchema, NewComplaintInputSchema } from '../domain/complaint-input.ts';
import { validationErrorFromZod } from '../domain/errors.ts';
import { formatTrackingCode, generateEtag, generateTrackingCode } from '../domain/etag.ts';
import { initialSla } from '../domain/sla.ts';
import type { Channel } from '../domain/vocabulary.ts';
import { TRACK_PATH, type FileComplaintResponse } from '../schemas/http.ts';
import type { EventSpecificFields } from '../schemas/events/index.ts';
import { DuplicateFilingError, EtagCollisionError, EtagExhaustedError } from './errors.ts';
import { takeOrRefuse } from './limits.ts';
import type { ComplaintDeps, TimelineDraft } from './ports.ts';

export const MAX_ETAG_ATTEMPTS = 5;
export const MAX_ATTACHMENTS = 10;

export interface FileComplaintCommand {
  /** What the citizen submitted (NewComplaintRequest shape); validated here. */
  input: unknown;
  channel: Channel;
  /** The citizen's WhatsApp identity (user_id, else wa_id) when filed over WhatsApp. */
  whatsappId?: string;
  /** Media references (WhatsApp media ids) collected in chat. */
  attachments?: Attachment[];
  /**
   * Identifies the request across retries (the WhatsApp message id): a retry returns the complaint the
   * first attempt filed instead of filing a second one.
   */
  requestId?: string;
  /** Where a web/API request came from, for the per-address limit. */
  clientAddress?: string;
}

/**
 * `trackingCode` is absent only for a replayed request: the code is stored hashed, so only the first
 * answer can carry it (the WhatsApp identity remains proof of ownership).
 */
export type FileComplaintResult = Omit<FileComplaintResponse, 'trackingCode'> & {
  trackingCode?: string;
  complaint: Complaint;
};

const trackInstructions = (etag: string): FileComplaintResponse['track'] => ({
  method: 'POST',
  path: TRACK_PATH,
  description: `POST ${TRACK_PATH} with {"etag": "${etag}", "trackingCode": "<your tracking code>"} (or "phone" instead of "trackingCode") to see the status and every action taken.`,
});

const attachmentsSchema = z.array(AttachmentSchema).check(z.maxLength(MAX_ATTACHMENTS));

/** The `ComplaintFiled` entry: only what consumers need to route and decide, no personal data. */
export const complaintFiledDraft = (complaint: Complaint): TimelineDraft => {
  const data: EventSpecificFields<'ComplaintFiled'> = {
    category: complaint.category,
    priority: complaint.priority,
    channel: complaint.channel,
    language: complaint.language,
    status: complaint.status,
    canMessageCitizen: !complaint.optOutOfUpdates,
    sensitive: findCategory(complaint.category)?.sensitive ?? false,
  };
  return {
    type: 'ComplaintFiled',
    actor: { kind: 'citizen' },
    at: complaint.createdAt,
    toStatus: complaint.status,
    data,
  };
};

/**
 * Web/API filings name a phone number that WhatsApp updates go to: limits per address and per phone (429), so
 * nobody can flood a number through the API. (WhatsApp filings come from the number itself.)
 */
const refuseAbuse = async (
  deps: ComplaintDeps,
  command: FileComplaintCommand,
  phone: string | undefined,
): Promise<void> => {
  const now = deps.clock.now();
  if (command.clientAddress) {
    await takeOrRefuse(deps.limits, deps.rateRules.filingsPerAddress, command.clientAddress, now);
  }
  if (phone) await takeOrRefuse(deps.limits, deps.rateRules.filingsPerPhone, phone, now);
};

export const fileComplaint = async (
  deps: ComplaintDeps,
  command: FileComplaintCommand,
): Promise<FileComplaintResult> => {
  // A known WhatsApp identity proves ownership by itself; everyone else must give a phone number.
  const schema =
    command.channel === 'whatsapp' && command.whatsappId ? ChatComplaintInputSchema : NewComplaintInputSchema;
  const parsed = schema.safeParse(command.input);
  if (!parsed.success) throw validationErrorFromZod(parsed.error, 'The complaint has invalid fields.');
  const attachments = attachmentsSchema.safeParse(command.attachments ?? []);
  if (!attachments.success) throw validationErrorFromZod(attachments.error, 'Invalid attachments.');
  if (command.channel !== 'whatsapp') await refuseAbuse(deps, command, parsed.data.complainant.phone);

  // Kept with the location so officers see when the point lies outside the district chosen.
  const suggestion = parsed.data.location ? suggestDistrictFor(parsed.data.location) : undefined;
  const locationDistricts = suggestion ? [suggestion.district, ...suggestion.alternatives] : [];

  const trackingCode = generateTrackingCode(deps.random.bytes);
  const trackingCodeHash = await deps.trackingCodes.hash(trackingCode);
  const now = deps.clock.now();

  for (let attempt = 1; attempt <= MAX_ETAG_ATTEMPTS; attempt++) {
    const etag = generateEtag(parsed.data.district, deps.random.bytes);
    const filed = newComplaint(parsed.data, {
      etag,
      trackingCodeHash,
      now,
      channel: command.channel,
      ...(command.whatsappId ? { whatsappId: command.whatsappId } : {}),
      attachments: attachments.data,
      locationDistricts,
    });
    // The SLA clock starts at filing, under the policy in force now.
    const complaint: Complaint = {
      ...filed,
      sla: initialSla({ category: filed.category, priority: filed.priority }, now),
    };
    try {
      await deps.complaints.create(
        complaint,
        [complaintFiledDraft(complaint)],
        command.requestId ? { requestId: command.requestId } : {},
      );
    } catch (error) {
      if (error instanceof EtagCollisionError) continue;
      if (error instanceof DuplicateFilingError) {
        const first = await deps.complaints.get(error.etag);
        if (!first) throw error;
        return {
          etag: first.etag,
          status: first.status,
          createdAt: first.createdAt,
          track: trackInstructions(first.etag),
          complaint: first,
        };
      }
      throw error;
    }
    return {
      etag,
      trackingCode: formatTrackingCode(trackingCode),
      status: complaint.status,
      createdAt: complaint.createdAt,
      track: trackInstructions(etag),
      complaint,
    };
  }
  throw new EtagExhaustedError(
    `No free e-tag after ${MAX_ETAG_ATTEMPTS} attempts in district ${parsed.data.district}`,
  );
};
