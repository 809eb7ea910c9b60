// We do not use Google Analytics or any cookies besides the session.
export default function Home() {
  return <p>No tracking here: analytics are off.</p>;
}
