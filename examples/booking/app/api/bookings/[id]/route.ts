import { getServerSession } from 'next-auth';
import { NextRequest, NextResponse } from 'next/server';
import { authOptions, isAdmin } from '@/lib/auth';
import { prisma } from '@/lib/db';
import { logger } from '@/lib/logger';
import { stripe } from '@/lib/stripe';

export const dynamic = 'force-dynamic';

type Params = { params: { id: string } };

async function loadOwnedBooking(id: string) {
  const session = await getServerSession(authOptions);
  if (!session) {
    return { error: NextResponse.json({ error: 'Authentication required' }, { status: 401 }) } as const;
  }

  const booking = await prisma.booking.findUnique({
    where: { id },
    include: { slot: true, payment: true },
  });
  if (!booking) {
    return { error: NextResponse.json({ error: 'Booking not found' }, { status: 404 }) } as const;
  }
  if (booking.userId !== session.user.id && !isAdmin(session)) {
    logger.warn({ userId: session.user.id, bookingId: id }, 'booking access denied');
    return { error: NextResponse.json({ error: 'Booking not found' }, { status: 404 }) } as const;
  }
  return { booking, session } as const;
}

export async function GET(_req: NextRequest, { params }: Params) {
  try {
    const result = await loadOwnedBooking(params.id);
    if ('error' in result) return result.error;
    return NextResponse.json({ booking: result.booking }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (err) {
    logger.error({ err, bookingId: params.id }, 'failed to load booking');
    return NextResponse.json({ error: 'Could not load booking' }, { status: 500 });
  }
}

/** Cancels a booking, refunding it through Stripe when it was paid. */
export async function DELETE(_req: NextRequest, { params }: Params) {
  try {
    const result = await loadOwnedBooking(params.id);
    if ('error' in result) return result.error;
    const { booking, session } = result;

    if (booking.status === 'CANCELLED') {
      return NextResponse.json({ error: 'Booking is already cancelled' }, { status: 409 });
    }
    if (booking.slot.startsAt <= new Date()) {
      return NextResponse.json({ error: 'Past bookings cannot be cancelled' }, { status: 409 });
    }

    const payment = booking.payment;
    const refund =
      payment?.status === 'SUCCEEDED' && payment.stripePaymentIntentId
        ? await stripe.refunds.create(
            { payment_intent: payment.stripePaymentIntentId },
            { idempotencyKey: `refund-${booking.id}` },
          )
        : null;

    await prisma.$transaction([
      prisma.booking.update({ where: { id: booking.id }, data: { status: 'CANCELLED' } }),
      prisma.slot.update({
        where: { id: booking.slotId },
        data: { booked: { decrement: booking.partySize } },
      }),
      prisma.payment.update({
        where: { bookingId: booking.id },
        data: { status: refund ? 'REFUNDED' : 'FAILED' },
      }),
    ]);

    logger.info(
      { bookingId: booking.id, userId: session.user.id, refundId: refund?.id },
      'booking cancelled',
    );
    return NextResponse.json({ cancelled: true, refunded: Boolean(refund) });
  } catch (err) {
    logger.error({ err, bookingId: params.id }, 'failed to cancel booking');
    return NextResponse.json({ error: 'Could not cancel booking' }, { status: 500 });
  }
}
