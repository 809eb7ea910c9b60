'use server';

import { cookies } from 'next/headers';

export async function renameList(formData: FormData) {
  const session = cookies().get('session')?.value;
  if (!session) throw new Error('not signed in');
  await saveName(session, String(formData.get('name')));
}
