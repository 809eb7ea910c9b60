export default function RootLayout({ children }: { children: React.ReactNode }) {
  // TODO: link privacy and terms in the footer
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
