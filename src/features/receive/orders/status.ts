import type { OrderStatus } from '../../../domain/purchasing';

/** How each status reads on screen, and the pill it wears. */
export const STATUS_LABEL: Record<OrderStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  partially_received: 'Partially received',
  received: 'Received',
  cancelled: 'Cancelled',
};

export const STATUS_PILL: Record<OrderStatus, string> = {
  draft: 'pill',
  sent: 'pill pill--warn',
  partially_received: 'pill pill--warn',
  received: 'pill pill--ok',
  cancelled: 'pill pill--bad',
};

export const STATUS_ORDER: readonly OrderStatus[] = [
  'draft',
  'sent',
  'partially_received',
  'received',
  'cancelled',
];
