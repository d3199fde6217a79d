/**
 * What officers read on WhatsApp (English; no citizen data beyond the category): every time in Pakistan
 * time (Asia/Karachi, UTC+5 all year), written for people, and a link to the complaint in the console.
 */
import { findCategory } from '../../domain/categories.ts';

const PAKISTAN_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Karachi',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** `2026-03-01T04:30:00Z` → `1 Mar 2026, 9:30 am PKT`. */
export const pakistanTime = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : `${PAKISTAN_TIME.format(date).replace(/ (am|pm)$/i, ' $1')} PKT`;
};

export const complaintLink = (consoleUrl: string, etag: string): string =>
  `${consoleUrl.replace(/\/$/, '')}/complaints/${encodeURIComponent(etag)}`;

const categoryName = (code: string): string => {
  const category = findCategory(code);
  return category?.sensitive ? 'confidential report' : (category?.en ?? code);
};

export const newComplaintText = (a: {
  etag: string;
  category: string;
  urgent: boolean;
  post: string;
  filedAt: string;
  dueAt?: string;
  link: string;
}): string =>
  [
    `Rabta: ${a.urgent ? 'URGENT new complaint' : 'New complaint'} ${a.etag} (${categoryName(a.category)}) for ${a.post}, filed ${pakistanTime(a.filedAt)}.`,
    a.dueAt ? `First action due by ${pakistanTime(a.dueAt)}.` : '',
    `Open: ${a.link}`,
  ]
    .filter(Boolean)
    .join(' ');

export const digestText = (a: {
  post: string;
  date: string;
  items: { etag: string; category: string }[];
  link: string;
}) =>
  [
    `Rabta daily digest for ${a.post} (${a.date}): ${a.items.length} new complaint${a.items.length === 1 ? '' : 's'}.`,
    ...a.items.slice(0, 20).map((i) => `• ${i.etag} (${categoryName(i.category)})`),
    a.items.length > 20 ? `…and ${a.items.length - 20} more.` : '',
    `Open: ${a.link}`,
  ]
    .filter(Boolean)
    .join('\n');

export const warningText = (a: { etag: string; post: string; dueAt: string; link: string }): string =>
  `Rabta SLA warning: complaint ${a.etag} held by ${a.post} is due by ${pakistanTime(a.dueAt)}. Please act on it. Open: ${a.link}`;

export const breachText = (a: {
  etag: string;
  post: string;
  vacant: boolean;
  dueAt: string;
  nextPost: string;
  link: string;
}): string =>
  `Rabta SLA breach: complaint ${a.etag} was not handled by ${a.post}${a.vacant ? ' (the post was vacant)' : ''} by ${pakistanTime(a.dueAt)} and is now with ${a.nextPost}. A disciplinary follow-up was opened. Open: ${a.link}`;
