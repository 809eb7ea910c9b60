export async function auth() {
  return { user: { id: 'u1', role: 'admin' } };
}
