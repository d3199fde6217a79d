/** The console's words: every text in both languages, with the same placeholders, filled in the page's language. */
import { describe, expect, it } from 'vitest';
import { S } from '../../../web/citizen/strings.ts';
import { EVIDENCE_REASON_WORDS } from '../../../shared/chat/evidence-text.ts';
import {
  ALERT_KIND_LABELS,
  C,
  CHANNEL_LABELS,
  EVIDENCE_STATE_LABELS,
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_STATE_LABELS,
  FOLLOW_UP_STEP_LABELS,
  PHASE_LABELS,
  PRIORITY_LABELS,
  TRANSITIONS,
  fill,
  labelOf,
} from '../../../web/console/strings.ts';
import { ALERT_KINDS, SLA_PHASES } from '../../../shared/domain/sla.ts';
import {
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_STATES,
  followUpActionSchema,
} from '../../../shared/domain/follow-up.ts';
import { CHANNELS, PRIORITIES } from '../../../shared/domain/vocabulary.ts';
import { EvidenceRecordSchema, REFUSAL_REASONS } from '../../../shared/domain/evidence.ts';
import type { Texts } from '../../../web/lib/texts.ts';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

describe('console strings', () => {
  const texts: [string, Texts][] = [
    ...Object.entries(C),
    ...Object.entries(S),
    ...Object.entries(EVIDENCE_STATE_LABELS),
    ...Object.entries(EVIDENCE_REASON_WORDS),
    ...FOLLOW_UP_ACTIONS.map((a): [string, Texts] => [a.type, a.label]),
    ...TRANSITIONS.map((a): [string, Texts] => [a.type, a.label]),
  ];

  it.each(texts)('%s: both languages written, the same placeholders, Urdu in Urdu script', (_key, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text.ur.trim()).not.toBe('');
    expect(placeholders(text.ur)).toEqual(placeholders(text.en));
    expect(text.ur).toMatch(ARABIC_SCRIPT);
  });

  it.each([
    ['priorities', PRIORITY_LABELS, PRIORITIES],
    ['SLA phases', PHASE_LABELS, SLA_PHASES],
    ['channels', CHANNEL_LABELS, CHANNELS],
    ['alert kinds', ALERT_KIND_LABELS, ALERT_KINDS],
    ['follow-up states', FOLLOW_UP_STATE_LABELS, FOLLOW_UP_STATES],
    ['follow-up outcomes', FOLLOW_UP_OUTCOME_LABELS, FOLLOW_UP_OUTCOMES],
    [
      'follow-up steps',
      FOLLOW_UP_STEP_LABELS,
      followUpActionSchema.def.options.map((o) => o.shape.type.def.values[0]),
    ],
    ['evidence states', EVIDENCE_STATE_LABELS, EvidenceRecordSchema.shape.state.options],
    ['evidence refusal reasons', EVIDENCE_REASON_WORDS, REFUSAL_REASONS],
  ] as const)('every one of the domain’s %s has a label', (_name, table, codes) => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
  });

  it('fills placeholders in the page’s language and shows an unknown code as it is', () => {
    expect(fill(C.shown, 'en', { n: 25 })).toBe('25 shown');
    expect(fill(C.shown, 'ur', { n: 25 })).toBe('25 دکھائی گئیں');
    expect(fill(C.lastDays, 'ur', { n: 7 })).toBe('پچھلے 7 دن');
    expect(labelOf(PRIORITY_LABELS, 'urgent', 'ur')).toBe('فوری');
    expect(labelOf(PRIORITY_LABELS, 'someday', 'en')).toBe('someday');
  });
});
