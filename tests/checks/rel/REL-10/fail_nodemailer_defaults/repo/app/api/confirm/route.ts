import { sendConfirmation } from '../../../lib/email';

export async function POST(req: Request) {
  const { email } = await req.json();
  await sendConfirmation(email);
  return Response.json({ ok: true });
}
