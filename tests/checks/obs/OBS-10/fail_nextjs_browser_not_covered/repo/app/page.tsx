export default function Home() {
  return <main>Store</main>;
}
