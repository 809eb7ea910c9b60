import { withAuth } from 'next-auth/middleware';

// Everything under /admin and /api/admin needs a signed-in ADMIN. Route
// handlers check the role again; this keeps unauthenticated traffic out early.
export default withAuth({
  callbacks: {
    authorized: ({ token }) => token?.role === 'ADMIN',
  },
});

export const config = {
  matcher: ['/admin/:path*', '/api/admin/:path*'],
};
