export default function Home() {
  return (
    <main>
      <h1>Book a table</h1>
      <img src="/hero.jpg" />
    </main>
  );
}
