import { describe, expect, it } from 'vitest';
import { UI } from '../../../shared/chat/ui.ts';
import { S } from '../../../web/citizen/strings.ts';

describe('the voice-note description placeholder', () => {
  it('reads the same whether the voice note came from WhatsApp or the portal', () => {
    // The portal keeps its own copy so its bundle does not carry the bot's words.
    expect(S.voiceNoteDescription.en).toBe(UI.voiceNoteDescription.en);
    expect(S.voiceNoteDescription.ur).toBe(UI.voiceNoteDescription.ur);
  });
});
