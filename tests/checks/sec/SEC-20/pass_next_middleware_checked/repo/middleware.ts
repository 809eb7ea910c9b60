import { NextRequest, NextResponse } from 'next/server';

const allowed = new Set(['https://app.example.com']);

export function middleware(req: NextRequest) {
  const origin = req.headers.get('origin') ?? '';
  const res = NextResponse.next();
  if (allowed.has(origin)) {
    res.headers.set('Access-Control-Allow-Origin', origin);
    res.headers.set('Access-Control-Allow-Credentials', 'true');
  }
  return res;
}
