import { useState } from 'react';
import type { FormEvent } from 'react';

/** Typing or pasting a code, or a wedge scanner typing into the field (SPEC [SC6]). */
export function ManualEntry({ onText }: { onText: (text: string) => void }) {
  const [text, setText] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    onText(text.trim());
    setText('');
  }
  return (
    <form className="row manual-entry" onSubmit={submit}>
      <label className="field manual-entry__field">
        <span>Type, paste or scan into this field</span>
        <input
          data-testid="scan-manual-input"
          autoComplete="off"
          spellCheck={false}
          placeholder="(01)…(17)…(10)… or a GS1 link"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" className="button" data-testid="scan-manual-submit">
        Use code
      </button>
    </form>
  );
}
