export default function Terms() {
  return <article>Bookings can be cancelled 24 hours ahead.</article>;
}
