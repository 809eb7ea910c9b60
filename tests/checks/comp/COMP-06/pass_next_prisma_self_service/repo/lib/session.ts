export async function currentUserId(): Promise<string | null> {
  return null;
}
