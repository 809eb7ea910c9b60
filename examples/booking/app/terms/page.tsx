import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Terms of service' };

export default function TermsPage() {
  return (
    <main>
      <h1>Terms of service</h1>
      <p>Last updated: 2 April 2024</p>

      <h2>Bookings</h2>
      <p>
        A booking is confirmed once payment succeeds and you receive our confirmation email. Prices
        include VAT and a booking fee of €1.50 per order.
      </p>

      <h2>Cancellations and refunds</h2>
      <p>
        You can cancel online up to the departure time for a full refund to the original payment
        method. If we cancel for weather or safety reasons we refund in full or rebook you.
      </p>

      <h2>Safety</h2>
      <p>
        Participants must be at least 12 years old, able to swim, and follow the guide&apos;s
        instructions. Buoyancy aids are provided and must be worn.
      </p>

      <h2>Contact</h2>
      <p>Questions about these terms: hello@example.com.</p>
    </main>
  );
}
