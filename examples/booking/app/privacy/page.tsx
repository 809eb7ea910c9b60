import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Privacy policy' };

export default function PrivacyPage() {
  return (
    <main>
      <h1>Privacy policy</h1>
      <p>Last updated: 2 April 2024</p>

      <h2>What we collect</h2>
      <p>
        When you book we store your name, email address, party size, any notes you give us and the
        departure you chose. If you create an account we also store a hashed password.
      </p>

      <h2>Payments</h2>
      <p>
        Payments are taken by Stripe on its own checkout page. We never see or store your card
        number; we keep only Stripe&apos;s payment reference and the amount paid.
      </p>

      <h2>Who we share it with</h2>
      <ul>
        <li>Stripe, to take payment and issue refunds</li>
        <li>SendGrid, to send your confirmation email</li>
        <li>Sentry, to diagnose errors (no payment details are sent)</li>
      </ul>

      <h2>How long we keep it</h2>
      <p>Booking records are kept for 24 months after the tour for accounting, then deleted.</p>

      <h2>Your rights</h2>
      <p>
        You can ask for a copy of your data, or for it to be corrected or deleted, by writing to
        privacy@example.com. We answer within 30 days.
      </p>
    </main>
  );
}
