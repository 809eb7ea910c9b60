'use client';

import { useState, type FormEvent } from 'react';

export type SlotOption = {
  id: string;
  startsAt: string;
  remaining: number;
  priceCents: number;
};

const euro = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });
const when = new Intl.DateTimeFormat('en-IE', { dateStyle: 'medium', timeStyle: 'short' });

export default function BookingForm({ slots }: { slots: SlotOption[] }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);

    const form = new FormData(event.currentTarget);
    const notes = String(form.get('notes') ?? '').trim();

    try {
      const res = await fetch('/api/bookings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          slotId: form.get('slotId'),
          customerName: form.get('customerName'),
          customerEmail: form.get('customerEmail'),
          partySize: Number(form.get('partySize')),
          notes: notes || undefined,
        }),
      });
      const data = await res.json().catch(() => null);
      if (!res.ok || !data?.checkoutUrl) {
        setError(data?.error ?? 'Something went wrong. Please try again.');
        setPending(false);
        return;
      }
      window.location.assign(data.checkoutUrl);
    } catch {
      setError('Network error. Please check your connection and try again.');
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-describedby={error ? 'booking-error' : undefined}>
      <label htmlFor="slotId">Departure</label>
      <select id="slotId" name="slotId" required>
        {slots.map((slot) => (
          <option key={slot.id} value={slot.id}>
            {when.format(new Date(slot.startsAt))}: {euro.format(slot.priceCents / 100)} per person,{' '}
            {slot.remaining} seats left
          </option>
        ))}
      </select>

      <label htmlFor="partySize">Number of people</label>
      <input id="partySize" name="partySize" type="number" min={1} max={12} defaultValue={2} required />

      <label htmlFor="customerName">Name</label>
      <input id="customerName" name="customerName" autoComplete="name" minLength={2} maxLength={120} required />

      <label htmlFor="customerEmail">Email</label>
      <input id="customerEmail" name="customerEmail" type="email" autoComplete="email" required />

      <label htmlFor="notes">Anything we should know? (optional)</label>
      <textarea id="notes" name="notes" maxLength={500} rows={3} />

      {error && (
        <p id="booking-error" role="alert">
          {error}
        </p>
      )}

      <button type="submit" disabled={pending}>
        {pending ? 'Redirecting to payment…' : 'Continue to payment'}
      </button>
    </form>
  );
}
