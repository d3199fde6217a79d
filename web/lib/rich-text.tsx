/**
 * Renders the bot's WhatsApp-formatted texts (`*bold*`, `_italic_`, bullet lines) as HTML, with every run of
 * digits, e-tag, web address or code isolated (<bdi dir="ltr">) so it never flips inside right-to-left Urdu.
 */
import type { ComponentChildren } from 'preact';

/** E-tags, web addresses (nccia.gov.pk) and runs of digits: each read left to right inside Urdu. */
const ISOLATE =
  /([A-Z]{2,4}-[A-Z0-9]{4}-[A-Z0-9]{4}|[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+|\+?\d[\d\s\-/.:]*\d|\d)/g;

/** Text with numbers, e-tags and codes isolated left to right. */
export const Isolated = ({ text }: { text: string }) => {
  const parts = text.split(ISOLATE);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <bdi dir="ltr" key={i}>
            {part}
          </bdi>
        ) : (
          part
        ),
      )}
    </>
  );
};

const inline = (line: string): ComponentChildren[] =>
  line.split(/(\*[^*\n]+\*|_[^_\n]+_)/g).map((part, i) => {
    if (part.length > 2 && part.startsWith('*') && part.endsWith('*')) {
      return <strong key={i}>{<Isolated text={part.slice(1, -1)} />}</strong>;
    }
    if (part.length > 2 && part.startsWith('_') && part.endsWith('_')) {
      return <em key={i}>{<Isolated text={part.slice(1, -1)} />}</em>;
    }
    return <Isolated key={i} text={part} />;
  });

const BULLET = /^\s*(?:[•\-–]|\d{1,2}[.)۔])\s+/;

/** Paragraphs and bullet lists of a chat text. */
export const RichText = ({ text }: { text: string }) => {
  const blocks = text.trim().split(/\n{2,}/);
  return (
    <>
      {blocks.map((block, b) => {
        const lines = block.split('\n');
        const items = lines.filter((l) => BULLET.test(l));
        if (items.length > 0 && items.length === lines.length) {
          return (
            <ul key={b}>
              {lines.map((l, i) => (
                <li key={i}>{inline(l.replace(BULLET, ''))}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={b}>
            {lines.map((l, i) => (
              <>
                {i > 0 && <br />}
                {inline(l)}
              </>
            ))}
          </p>
        );
      })}
    </>
  );
};
