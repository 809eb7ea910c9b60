import { Prisma } from '@prisma/client';
import { getServerSession } from 'next-auth';
import { NextRequest, NextResponse } from 'next/server';
import { authOptions } from '@/lib/auth';
import {
  calculateAmountCents,
  createBookingSchema,
  listBookingsQuerySchema,
  parseDay,
  startOfDayUtc,
} from '@/lib/bookings';
import { prisma } from '@/lib/db';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { stripe } from '@/lib/stripe';

export const dynamic = 'force-dynamic';

class SlotUnavailableError extends Error {}

/** Creates a pending booking and its payment, then hands the customer to Stripe Checkout. */
export async function POST(req: NextRequest) {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return NextResponse.json({ error: 'Request body must be JSON' }, { status: 400 });
  }

  const parsed = createBookingSchema.safeParse(body);
  if (!parsed.success) {
    return NextResponse.json(
      { error: 'Invalid booking request', issues: parsed.error.flatten().fieldErrors },
      { status: 422 },
    );
  }
  const input = parsed.data;
  const session = await getServerSession(authOptions);

  try {
    // Seat reservation, booking and payment rows are written together or not at all.
    const { booking, payment } = await prisma.$transaction(
      async (tx) => {
        const slot = await tx.slot.findUnique({ where: { id: input.slotId } });
        if (!slot || slot.startsAt <= new Date() || slot.booked + input.partySize > slot.capacity) {
          throw new SlotUnavailableError();
        }

        await tx.slot.update({
          where: { id: slot.id },
          data: { booked: { increment: input.partySize } },
        });

        const booking = await tx.booking.create({
          data: {
            slotId: slot.id,
            userId: session?.user.id ?? null,
            customerName: input.customerName,
            customerEmail: input.customerEmail,
            partySize: input.partySize,
            notes: input.notes,
            date: startOfDayUtc(slot.startsAt),
          },
        });

        const payment = await tx.payment.create({
          data: {
            bookingId: booking.id,
            amountCents: calculateAmountCents(slot.priceCents, input.partySize),
          },
        });

        return { booking, payment };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.Serializable, timeout: 10000 },
    );

    const checkout = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        customer_email: booking.customerEmail,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: payment.currency,
              unit_amount: payment.amountCents,
              product_data: { name: `Kayak tour, party of ${booking.partySize}` },
            },
          },
        ],
        metadata: { bookingId: booking.id, paymentId: payment.id },
        success_url: `${env.NEXT_PUBLIC_APP_URL}/book?status=success&booking=${booking.id}`,
        cancel_url: `${env.NEXT_PUBLIC_APP_URL}/book?status=cancelled`,
        expires_at: Math.floor(Date.now() / 1000) + 30 * 60,
      },
      { idempotencyKey: `checkout-${payment.id}` },
    );

    await prisma.payment.update({
      where: { id: payment.id },
      data: { stripeSessionId: checkout.id },
    });

    logger.info({ bookingId: booking.id, paymentId: payment.id }, 'booking created');
    return NextResponse.json({ bookingId: booking.id, checkoutUrl: checkout.url }, { status: 201 });
  } catch (err) {
    if (err instanceof SlotUnavailableError) {
      return NextResponse.json({ error: 'That departure is no longer available' }, { status: 409 });
    }
    logger.error({ err, slotId: input.slotId }, 'failed to create booking');
    return NextResponse.json({ error: 'Could not create booking' }, { status: 500 });
  }
}

/** Lists the signed-in customer's bookings, optionally for one day and status. */
export async function GET(req: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!session) {
    return NextResponse.json({ error: 'Authentication required' }, { status: 401 });
  }

  const query = listBookingsQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!query.success) {
    return NextResponse.json(
      { error: 'Invalid query', issues: query.error.flatten().fieldErrors },
      { status: 400 },
    );
  }
  const { date, status, take } = query.data;

  try {
    const bookings = await prisma.booking.findMany({
      where: {
        userId: session.user.id,
        status,
        ...(date ? { date: parseDay(date) } : {}),
      },
      include: {
        slot: { select: { startsAt: true, endsAt: true } },
        payment: { select: { status: true, amountCents: true, currency: true } },
      },
      orderBy: { date: 'desc' },
      take,
    });

    return NextResponse.json({ bookings }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (err) {
    logger.error({ err }, 'failed to list bookings');
    return NextResponse.json({ error: 'Could not load bookings' }, { status: 500 });
  }
}
