/** The engine's OutgoingMessage in the Graph port's terms, and as plain text for a template parameter. */
import type { OutgoingMessage } from '../../chat/types.ts';
import type { GraphMessage } from './ports.ts';

export const toGraphMessage = (message: OutgoingMessage): GraphMessage => {
  switch (message.kind) {
    case 'text':
      return { type: 'text', body: message.body };
    case 'list':
      return {
        type: 'list',
        body: message.body,
        button: message.buttonLabel,
        ...(message.header && { header: message.header }),
        sections: message.sections,
      };
    case 'buttons':
      return { type: 'buttons', body: message.body, buttons: message.buttons };
  }
};

/** What a citizen would read, as text: list rows and buttons become numbered lines. */
export const plainTextOf = (message: OutgoingMessage): string => {
  switch (message.kind) {
    case 'text':
      return message.body;
    case 'list':
      return [
        ...(message.header ? [message.header] : []),
        message.body,
        ...message.sections
          .flatMap((s) => s.rows)
          .map((r, i) => `${i + 1}. ${r.title}${r.description ? ` - ${r.description}` : ''}`),
      ].join('\n');
    case 'buttons':
      return [message.body, ...message.buttons.map((b, i) => `${i + 1}. ${b.title}`)].join('\n');
  }
};

/** Meta rejects template parameters with newlines, tabs or more than 4 spaces in a row. */
export const TEMPLATE_PARAMETER_MAX = 1000;
export const asTemplateParameter = (text: string): string => {
  const flat = text
    .replace(/\s*\n\s*/g, ' | ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= TEMPLATE_PARAMETER_MAX ? flat : `${flat.slice(0, TEMPLATE_PARAMETER_MAX - 1)}…`;
};
