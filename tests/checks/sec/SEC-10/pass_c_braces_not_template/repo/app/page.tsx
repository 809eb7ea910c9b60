export default function Home() {
  return <main>innerHTML is a word in this sentence, not an assignment.</main>;
}
