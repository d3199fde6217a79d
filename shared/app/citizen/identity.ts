import type { Complaint } from '../../domain/complaint.ts';

/**
 * Who a complaint belongs to, for "my complaints" and WhatsApp tracking: the WhatsApp identity
 * (business-scoped user id, else wa_id) when filed on WhatsApp, else the phone number in E.164.
 */
export const citizenIdentityOf = (complaint: Pick<Complaint, 'complainant'>): string => {
  const identity = complaint.complainant.whatsappId ?? complaint.complainant.phone;
  // The stored schema requires one of the two; a web complaint always carries a phone.
  if (!identity) throw new TypeError('A complaint without WhatsApp id or phone cannot belong to anyone');
  return identity;
};
