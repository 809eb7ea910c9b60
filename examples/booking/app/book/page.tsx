import type { Metadata } from 'next';
import { prisma } from '@/lib/db';
import BookingForm, { type SlotOption } from './BookingForm';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Book a tour' };

type Props = { searchParams: { status?: string; booking?: string } };

export default async function BookPage({ searchParams }: Props) {
  const slots = await prisma.slot.findMany({
    where: { startsAt: { gt: new Date() } },
    orderBy: { startsAt: 'asc' },
    take: 60,
    select: { id: true, startsAt: true, capacity: true, booked: true, priceCents: true },
  });

  const options: SlotOption[] = slots
    .filter((slot) => slot.booked < slot.capacity)
    .map((slot) => ({
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      remaining: slot.capacity - slot.booked,
      priceCents: slot.priceCents,
    }));

  return (
    <main>
      <h1>Book a tour</h1>
      {searchParams.status === 'success' && (
        <p role="status">
          Thank you! Your payment was received and a confirmation email is on its way.
          {searchParams.booking && <> Your reference is <strong>{searchParams.booking}</strong>.</>}
        </p>
      )}
      {searchParams.status === 'cancelled' && (
        <p role="status">Payment was cancelled. Your seats were not charged.</p>
      )}
      {options.length === 0 ? (
        <p>All upcoming departures are full. Please check back soon.</p>
      ) : (
        <BookingForm slots={options} />
      )}
    </main>
  );
}
