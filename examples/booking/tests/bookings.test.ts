import { describe, expect, it } from 'vitest';
import {
  calculateAmountCents,
  createBookingSchema,
  listBookingsQuerySchema,
  SERVICE_FEE_CENTS,
  startOfDayUtc,
} from '../lib/bookings';

const validBooking = {
  slotId: 'clv2m8k0x0000abcd1234efgh',
  customerName: '  Aoife Byrne ',
  customerEmail: 'Aoife@Example.com',
  partySize: 3,
};

describe('createBookingSchema', () => {
  it('accepts a valid request and normalises name and email', () => {
    const result = createBookingSchema.parse(validBooking);
    expect(result.customerName).toBe('Aoife Byrne');
    expect(result.customerEmail).toBe('aoife@example.com');
  });

  it('rejects a party larger than a tour allows', () => {
    expect(createBookingSchema.safeParse({ ...validBooking, partySize: 13 }).success).toBe(false);
  });

  it('rejects a non-integer party size and a bad email', () => {
    expect(createBookingSchema.safeParse({ ...validBooking, partySize: 2.5 }).success).toBe(false);
    expect(createBookingSchema.safeParse({ ...validBooking, customerEmail: 'nope' }).success).toBe(false);
  });

  it('ignores a client-supplied amount', () => {
    const result = createBookingSchema.parse({ ...validBooking, amountCents: 1 });
    expect(result).not.toHaveProperty('amountCents');
  });
});

describe('listBookingsQuerySchema', () => {
  it('coerces take and validates the date format', () => {
    expect(listBookingsQuerySchema.parse({ take: '10' }).take).toBe(10);
    expect(listBookingsQuerySchema.safeParse({ date: '01/05/2024' }).success).toBe(false);
  });
});

describe('calculateAmountCents', () => {
  it('multiplies the seat price and adds the booking fee', () => {
    expect(calculateAmountCents(4500, 3)).toBe(13500 + SERVICE_FEE_CENTS);
  });

  it('refuses invalid inputs', () => {
    expect(() => calculateAmountCents(-1, 2)).toThrow(RangeError);
    expect(() => calculateAmountCents(4500, 0)).toThrow(RangeError);
  });
});

describe('startOfDayUtc', () => {
  it('truncates to midnight UTC', () => {
    expect(startOfDayUtc(new Date('2024-06-14T16:00:00+01:00')).toISOString()).toBe(
      '2024-06-14T00:00:00.000Z',
    );
  });
});
