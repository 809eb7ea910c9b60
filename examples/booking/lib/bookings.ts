import { z } from 'zod';

export const BOOKING_STATUSES = ['PENDING', 'CONFIRMED', 'CANCELLED'] as const;

export const MAX_PARTY_SIZE = 12;

/** Flat booking fee added to every order, in cents. */
export const SERVICE_FEE_CENTS = 150;

export const createBookingSchema = z.object({
  slotId: z.string().cuid(),
  customerName: z.string().trim().min(2).max(120),
  customerEmail: z.string().trim().toLowerCase().email().max(254),
  partySize: z.number().int().min(1).max(MAX_PARTY_SIZE),
  notes: z.string().trim().max(500).optional(),
});

export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const listBookingsQuerySchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
  take: z.coerce.number().int().min(1).max(100).default(50),
});

export type ListBookingsQuery = z.infer<typeof listBookingsQuerySchema>;

/** Price is always computed on the server from the slot, never taken from the client. */
export function calculateAmountCents(pricePerPersonCents: number, partySize: number): number {
  if (!Number.isInteger(pricePerPersonCents) || pricePerPersonCents < 0) {
    throw new RangeError(`invalid price: ${pricePerPersonCents}`);
  }
  if (!Number.isInteger(partySize) || partySize < 1 || partySize > MAX_PARTY_SIZE) {
    throw new RangeError(`invalid party size: ${partySize}`);
  }
  return pricePerPersonCents * partySize + SERVICE_FEE_CENTS;
}

/** Midnight UTC of the given instant, matching the DATE column `Booking.date`. */
export function startOfDayUtc(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

/** Parses a YYYY-MM-DD query value into the same representation as `startOfDayUtc`. */
export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
