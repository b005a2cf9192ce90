/**
 * What staff call one container of a product, for the screens' wording (docs/ui.md "Wording"):
 * "Which syringe?" for a filler, "Opened vial" for a toxin, "3 vials" for Sculptra counted in
 * containers. Fillers come in syringes; toxins and biostimulators in vials; retail and supplies
 * are single items.
 *
 * Example: Juvéderm (filler, mL) → syringe; Sculptra (biostimulator, each) → 3_000 → "3 vials".
 */
import type { Product } from '../model';
import { formatQuantity } from '../quantity';

export interface ContainerWord {
  one: string;
  many: string;
}

const BY_CATEGORY: Record<Product['category'], ContainerWord> = {
  neurotoxin: { one: 'vial', many: 'vials' },
  filler: { one: 'syringe', many: 'syringes' },
  biostimulator: { one: 'vial', many: 'vials' },
  skincare: { one: 'item', many: 'items' },
  supply: { one: 'item', many: 'items' },
};

export function containerWord(product: Pick<Product, 'category'>): ContainerWord {
  return BY_CATEGORY[product.category];
}

/**
 * A quantity in the product's words: in its unit ("40 U", "0.4 mL"), or, for products counted
 * per container ("each"), in containers: 1_000 → "1 vial", 3_000 → "3 vials", 500 → "0.5 vials".
 */
export function formatAmount(quantityMilli: number, product: Pick<Product, 'category' | 'baseUnit'>): string {
  if (product.baseUnit !== 'each') return formatQuantity(quantityMilli, product.baseUnit);
  const word = containerWord(product);
  const number = formatQuantity(quantityMilli, 'each').replace(/ each$/, '');
  return `${number} ${quantityMilli === 1_000 || quantityMilli === -1_000 ? word.one : word.many}`;
}
