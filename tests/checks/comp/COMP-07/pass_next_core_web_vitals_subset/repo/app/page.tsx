export default function Home() {
  return <main><h1>Shop</h1><img src="/logo.png" alt="Shop logo" /></main>;
}
