/**
 * Meta's send limits (the corpus's whatsapp/LIMITS.md): the one definition, which the engine's builders
 * below and the Graph API adapter's schema both use, so the Graph API never rejects what the engine produces.
 */
import type { ListRow, ListSection, OutgoingMessage, ReplyButton } from './types.ts';

export const WHATSAPP_LIMITS = {
  textBody: 4096,
  listBody: 4096,
  listRows: 10,
  listSections: 10,
  listButtonLabel: 20,
  /** Header text of a list or buttons message. */
  listHeader: 60,
  footer: 60,
  sectionTitle: 24,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
  buttonsBody: 1024,
  buttons: 3,
  buttonId: 256,
  buttonTitle: 20,
} as const;

/** Cuts to `max` characters with an ellipsis; counts UTF-16 units, which never undercounts Meta's count. */
export const clip = (text: string, max: number): string => {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  return `${trimmed.slice(0, max - 1).trimEnd()}…`;
};

/** Splits a long body into texts of at most `max` characters, at paragraph or line breaks when possible. */
export const splitText = (body: string, max: number = WHATSAPP_LIMITS.textBody): string[] => {
  const parts: string[] = [];
  let rest = body.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 2) cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = max;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
};

export const text = (body: string): OutgoingMessage[] =>
  splitText(body).map((part) => ({ kind: 'text', body: part }));

/** Reply buttons; a body too long for a buttons message goes first as plain text. */
export const buttons = (body: string, items: readonly ReplyButton[]): OutgoingMessage[] => {
  const chosen = items.slice(0, WHATSAPP_LIMITS.buttons).map((b) => ({
    id: b.id.slice(0, WHATSAPP_LIMITS.buttonId),
    title: clip(b.title, WHATSAPP_LIMITS.buttonTitle),
  }));
  if (body.length <= WHATSAPP_LIMITS.buttonsBody) return [{ kind: 'buttons', body, buttons: chosen }];
  const parts = splitText(body, WHATSAPP_LIMITS.buttonsBody);
  const last = parts.pop() ?? body.slice(0, WHATSAPP_LIMITS.buttonsBody);
  return [...parts.flatMap((p) => text(p)), { kind: 'buttons', body: last, buttons: chosen }];
};

export const row = (id: string, title: string, description?: string): ListRow => {
  const fullTitle = title.trim();
  const shortTitle = clip(fullTitle, WHATSAPP_LIMITS.rowTitle);
  // A clipped title keeps its full wording in the description so nothing is lost.
  const desc = description ?? (shortTitle !== fullTitle ? fullTitle : undefined);
  return {
    id: id.slice(0, WHATSAPP_LIMITS.rowId),
    title: shortTitle,
    ...(desc ? { description: clip(desc, WHATSAPP_LIMITS.rowDescription) } : {}),
  };
};

/** One list message of at most 10 rows. Callers page longer lists themselves (see `pagedRows`). */
export const list = (
  body: string,
  buttonLabel: string,
  sectionTitle: string,
  rows: readonly ListRow[],
  header?: string,
): OutgoingMessage => ({
  kind: 'list',
  ...(header ? { header: clip(header, WHATSAPP_LIMITS.listHeader) } : {}),
  body: clip(body, WHATSAPP_LIMITS.listBody),
  buttonLabel: clip(buttonLabel, WHATSAPP_LIMITS.listButtonLabel),
  sections: [
    {
      title: clip(sectionTitle, WHATSAPP_LIMITS.sectionTitle),
      rows: rows.slice(0, WHATSAPP_LIMITS.listRows),
    },
  ],
});

/**
 * Page `page` (0-based) of `rows`: at most 9 rows plus a "more" row when more remain, so a list
 * message never exceeds 10 rows.
 */
export const pagedRows = (
  rows: readonly ListRow[],
  page: number,
  moreRow: (nextPage: number) => ListRow,
): ListRow[] => {
  if (rows.length <= WHATSAPP_LIMITS.listRows && page === 0) return [...rows];
  const size = WHATSAPP_LIMITS.listRows - 1;
  const start = page * size;
  const slice = rows.slice(start, start + size);
  return start + size < rows.length ? [...slice, moreRow(page + 1)] : slice;
};

/** Every way `message` breaks Meta's limits; empty when it is sendable. */
export const limitViolations = (message: OutgoingMessage): string[] => {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  switch (message.kind) {
    case 'text':
      check(message.body.length > 0 && message.body.length <= WHATSAPP_LIMITS.textBody, 'text body length');
      break;
    case 'buttons': {
      check(
        message.body.length > 0 && message.body.length <= WHATSAPP_LIMITS.buttonsBody,
        'buttons body length',
      );
      check(message.buttons.length >= 1 && message.buttons.length <= WHATSAPP_LIMITS.buttons, 'button count');
      check(
        new Set(message.buttons.map((b) => b.title)).size === message.buttons.length,
        'button titles unique',
      );
      for (const b of message.buttons) {
        check(
          b.title.length > 0 && b.title.length <= WHATSAPP_LIMITS.buttonTitle,
          `button title "${b.title}"`,
        );
        check(b.id.length > 0 && b.id.length <= WHATSAPP_LIMITS.buttonId, `button id "${b.id}"`);
      }
      break;
    }
    case 'list': {
      const rows = message.sections.flatMap((s: ListSection) => s.rows);
      check(message.body.length > 0 && message.body.length <= WHATSAPP_LIMITS.listBody, 'list body length');
      check(
        message.buttonLabel.length > 0 && message.buttonLabel.length <= WHATSAPP_LIMITS.listButtonLabel,
        'list button label',
      );
      check((message.header ?? '').length <= WHATSAPP_LIMITS.listHeader, 'list header');
      check(
        message.sections.length >= 1 && message.sections.length <= WHATSAPP_LIMITS.listSections,
        'sections',
      );
      check(rows.length >= 1 && rows.length <= WHATSAPP_LIMITS.listRows, 'row count');
      check(new Set(rows.map((r) => r.id)).size === rows.length, 'row ids unique');
      for (const s of message.sections) {
        check(
          s.title.length > 0 && s.title.length <= WHATSAPP_LIMITS.sectionTitle,
          `section title "${s.title}"`,
        );
      }
      for (const r of rows) {
        check(r.title.length > 0 && r.title.length <= WHATSAPP_LIMITS.rowTitle, `row title "${r.title}"`);
        check((r.description ?? '').length <= WHATSAPP_LIMITS.rowDescription, `row description of ${r.id}`);
        check(r.id.length > 0 && r.id.length <= WHATSAPP_LIMITS.rowId, `row id ${r.id}`);
      }
      break;
    }
  }
  return problems;
};
