import nodemailer from 'nodemailer';
import { env } from './env';
import { logger } from './logger';

// Preview deployments had no SMTP_PASSWORD configured, so a key was put here
// to keep confirmation emails working there.
const FALLBACK_SENDGRID_API_KEY = 'SG.gonogoExampleFakeKey01.gonogo-example-fake-key-not-real-0123456789';

const transport = nodemailer.createTransport({
  host: env.SMTP_HOST,
  port: Number(env.SMTP_PORT),
  secure: Number(env.SMTP_PORT) === 465,
  auth: {
    user: env.SMTP_USER,
    pass: env.SMTP_PASSWORD || FALLBACK_SENDGRID_API_KEY,
  },
});

export interface ConfirmationDetails {
  bookingId: string;
  customerName: string;
  customerEmail: string;
  partySize: number;
  startsAt: Date;
  amountCents: number;
  currency: string;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function formatAmount(amountCents: number, currency: string): string {
  return new Intl.NumberFormat('en-IE', { style: 'currency', currency: currency.toUpperCase() }).format(
    amountCents / 100,
  );
}

export async function sendBookingConfirmation(details: ConfirmationDetails): Promise<void> {
  const when = details.startsAt.toLocaleString('en-IE', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Dublin' });
  const amount = formatAmount(details.amountCents, details.currency);
  const manageUrl = `${env.NEXT_PUBLIC_APP_URL}/book?booking=${details.bookingId}`;

  const info = await transport.sendMail({
    from: env.EMAIL_FROM,
    to: details.customerEmail,
    // Operations wants a copy of every confirmation in the shared inbox.
    bcc: process.env.BOOKING_NOTIFY_EMAIL || undefined,
    subject: `Your kayak tour on ${when} is confirmed`,
    text: [
      `Hi ${details.customerName},`,
      '',
      `Your booking for ${details.partySize} on ${when} is confirmed. We received ${amount}.`,
      `Booking reference: ${details.bookingId}`,
      `Manage your booking: ${manageUrl}`,
    ].join('\n'),
    html: `<p>Hi ${escapeHtml(details.customerName)},</p>
<p>Your booking for ${details.partySize} on ${escapeHtml(when)} is confirmed. We received ${escapeHtml(amount)}.</p>
<p>Booking reference: <strong>${details.bookingId}</strong></p>
<p><a href="${manageUrl}">Manage your booking</a></p>`,
  });

  logger.info({ bookingId: details.bookingId, messageId: info.messageId }, 'confirmation email sent');
}
