/** A big numeric keypad for gloved fingers: digits, optional decimal point, backspace. */
export function Keypad({
  onKey,
  allowDecimal = false,
  label,
}: {
  onKey: (key: string) => void;
  allowDecimal?: boolean;
  label: string;
}) {
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', allowDecimal ? '.' : '', '0', '⌫'];
  return (
    <div className="keypad" role="group" aria-label={label}>
      {keys.map((key, i) =>
        key === '' ? (
          <span key={`blank-${i}`} />
        ) : (
          <button
            key={key}
            type="button"
            className="keypad__key"
            aria-label={key === '⌫' ? 'Delete' : key}
            onClick={() => onKey(key)}
          >
            {key}
          </button>
        ),
      )}
    </div>
  );
}

/** Applies one keypad key to a typed string ("4" + "0" → "40"; "40" + "⌫" → "4"). */
export function applyKey(current: string, key: string, maxLength = 8): string {
  if (key === '⌫') return current.slice(0, -1);
  if (key === '.' && current.includes('.')) return current;
  if (current.length >= maxLength) return current;
  if (key === '.' && current === '') return '0.';
  return current + key;
}
