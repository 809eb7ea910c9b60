import Link from 'next/link';

export default function HomePage() {
  return (
    <main>
      <h1>Paddle the harbour at high tide</h1>
      <p>
        Two-hour guided sea kayak tours for up to twelve people, every day from April to October.
        No experience needed: we bring the boats, the spray decks and the guide.
      </p>
      <ul>
        <li>Departures at 09:00, 12:00 and 16:00</li>
        <li>From €45 per person, booking fee €1.50</li>
        <li>Free cancellation until the departure</li>
      </ul>
      <p>
        <Link href="/book">See departures and book</Link>
      </p>
    </main>
  );
}
