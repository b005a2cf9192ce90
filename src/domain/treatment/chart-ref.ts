/**
 * A chart reference identifies the patient in the clinic's EMR without naming them (README,
 * "never the name"). A reference with no digit at all is most likely a name typed by habit:
 * "Jane Doe" → a warning; "CH-10482", "10482", "JD-77" → none.
 */
export function chartRefWarning(ref: string): string | null {
  const text = ref.trim();
  if (text === '' || /\d/.test(text)) return null;
  return 'This looks like a name. Use the chart number from the EMR, never the patient’s name.';
}
