import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  title: { default: 'Tidewater Kayak Tours', template: '%s | Tidewater Kayak Tours' },
  description: 'Guided sea kayak tours around the harbour. Book online.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header>
          <nav aria-label="Main">
            <Link href="/">Tidewater Kayak Tours</Link>
            <Link href="/book">Book a tour</Link>
          </nav>
        </header>
        {children}
        <footer>
          <p>© Tidewater Kayak Tours</p>
          <nav aria-label="Legal">
            <Link href="/privacy">Privacy policy</Link>
            <Link href="/terms">Terms of service</Link>
          </nav>
        </footer>
      </body>
    </html>
  );
}
