import bcrypt from 'bcryptjs';
import { db } from '@/lib/db';

const ADMIN = 'admin';

// Signs a user in. The response tells the UI whether to show the admin menu: that flag is data,
// not a check that keeps anyone out.
export async function POST(request: Request) {
  const { username, password } = await request.json();
  const user = await db.user.findUnique({ where: { username } });
  if (!user || !(await bcrypt.compare(password, user.password))) {
    return Response.json({ error: 'incorrect username or password' }, { status: 401 });
  }
  await db.user.update({ where: { id: user.id }, data: { lastLogin: new Date() } });
  return Response.json({ user: { id: user.id, username: user.username, isAdmin: user.role === ADMIN } });
}
