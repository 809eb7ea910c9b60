export const metadata = { title: 'Settings' };

export default function Settings() {
  return <form action="/api/account" method="post"><button type="submit">Delete my account</button></form>;
}
