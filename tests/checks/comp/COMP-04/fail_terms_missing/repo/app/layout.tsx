import Link from 'next/link';

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <footer>
          <Link href="/privacy">Privacy</Link>
        </footer>
      </body>
    </html>
  );
}
