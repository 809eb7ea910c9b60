import * as Sentry from '@sentry/nextjs';

// Loaded for middleware.ts, which runs on the Edge runtime.
Sentry.init({
  dsn: process.env.SENTRY_DSN,
  environment: process.env.SENTRY_ENVIRONMENT ?? process.env.NODE_ENV,
  enabled: Boolean(process.env.SENTRY_DSN),
});
