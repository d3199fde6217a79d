/**
 * Powertools instances, one per process. The logger redacts personal data before anything is
 * written: citizens' names, phone numbers, CNICs, message text and tracking codes never reach logs.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { serviceConfig } from './config.ts';

export const REDACTED = '[redacted]';

/** Keys whose values are personal data or secrets wherever they appear in a log entry (case-insensitive). */
const SENSITIVE_KEYS = new Set(
  [
    'name',
    'phone',
    'phoneNumber',
    'phone_number',
    'cnic',
    'whatsappId',
    'wa_id',
    'waId',
    'from',
    'to',
    'user_id',
    'userId',
    'citizen',
    'identity',
    'description',
    'text',
    'body',
    'message_text',
    'caption',
    'address',
    'latitude',
    'longitude',
    'location',
    'trackingCode',
    'trackingCodeHash',
    'proof',
    'authorization',
    'idempotency-key',
    'x-hub-signature-256',
    'note',
    'publicNote',
    'internalNote',
  ].map((k) => k.toLowerCase()),
);

/** Digit runs that look like phone numbers or CNICs: 10+ digits, single spaces or dashes between (dates have 8). */
const NUMBER_LIKE = /\+?\d(?:[\s-]?\d){9,}/g;

/** JSON replacer for the logger: masks sensitive keys and phone/CNIC-looking digit runs in any string. */
export const redactPersonalData = (key: string, value: unknown): unknown => {
  if (key !== '' && SENSITIVE_KEYS.has(key.toLowerCase()) && value !== undefined && value !== null) {
    return typeof value === 'boolean' ? value : REDACTED;
  }
  if (typeof value === 'string') return value.replace(NUMBER_LIKE, REDACTED);
  return value;
};

let loggerInstance: Logger | undefined;
let metricsInstance: Metrics | undefined;

export const logger = (): Logger => {
  loggerInstance ??= new Logger({
    serviceName: serviceConfig().serviceName,
    jsonReplacerFn: redactPersonalData,
  });
  return loggerInstance;
};

export const metrics = (): Metrics => {
  metricsInstance ??= new Metrics({
    namespace: serviceConfig().metricsNamespace,
    serviceName: serviceConfig().serviceName,
  });
  return metricsInstance;
};
