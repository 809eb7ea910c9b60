export default function Privacy() {
  return <article>We store your email to send booking confirmations.</article>;
}
