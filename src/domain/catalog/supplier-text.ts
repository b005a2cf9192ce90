/**
 * A supplier as the Catalog's form shows it, and its validation back into a record ([CT2]).
 * Example: { name: 'McKesson', leadTimeDays: '3', … } → { name: 'McKesson', leadTimeDays: 3, … };
 * an empty lead time is "not known" (null); "-1" or "2.5" is an error naming `leadTimeDays`.
 */
import type { Supplier } from '../model';
import { MAX_LEAD_TIME_DAYS } from '../schemas/records';
import type { DraftResult, FieldError } from './errors';
import { wholeNumber } from './product-draft';
import { sameText } from './text-match';

export const SUPPLIER_FIELDS = [
  'name',
  'contact',
  'accountNumber',
  'leadTimeDays',
  'paymentTerms',
  'notes',
] as const;
export type SupplierField = (typeof SUPPLIER_FIELDS)[number];
export type SupplierText = Readonly<Record<SupplierField, string>>;

const LIMITS: Record<SupplierField, number> = {
  name: 200,
  contact: 500,
  accountNumber: 100,
  leadTimeDays: 3,
  paymentTerms: 200,
  notes: 2000,
};

export const EMPTY_SUPPLIER_TEXT: SupplierText = {
  name: '',
  contact: '',
  accountNumber: '',
  leadTimeDays: '',
  paymentTerms: '',
  notes: '',
};

export function supplierToText(s: Supplier): SupplierText {
  return { ...s, leadTimeDays: s.leadTimeDays === null ? '' : String(s.leadTimeDays) };
}

/** `others`: the other suppliers (two suppliers of one name would be told apart by nobody). */
export function validateSupplierText(
  t: SupplierText,
  others: readonly Pick<Supplier, 'name'>[],
): DraftResult<Omit<Supplier, 'id' | 'orgId'>, SupplierField> {
  const errors: FieldError<SupplierField>[] = [];
  const name = t.name.trim();
  if (name === '') errors.push({ field: 'name', message: 'Enter the supplier’s name.' });
  else if (others.some((o) => sameText(o.name, name)))
    errors.push({ field: 'name', message: 'Another supplier has this name.' });
  for (const field of SUPPLIER_FIELDS)
    if (field !== 'leadTimeDays' && t[field].trim().length > LIMITS[field])
      errors.push({ field, message: `At most ${LIMITS[field]} characters.` });
  let leadTimeDays: number | null = null;
  if (t.leadTimeDays.trim() !== '') {
    leadTimeDays = wholeNumber(t.leadTimeDays, 0, MAX_LEAD_TIME_DAYS);
    if (leadTimeDays === null)
      errors.push({
        field: 'leadTimeDays',
        message: `Whole days from 0 to ${MAX_LEAD_TIME_DAYS}, or empty.`,
      });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      contact: t.contact.trim(),
      accountNumber: t.accountNumber.trim(),
      leadTimeDays,
      paymentTerms: t.paymentTerms.trim(),
      notes: t.notes.trim(),
    },
  };
}
