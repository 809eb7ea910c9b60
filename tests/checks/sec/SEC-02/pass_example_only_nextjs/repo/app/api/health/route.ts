export async function GET() {
  return Response.json({ ok: true, db: Boolean(process.env.DATABASE_URL) });
}
