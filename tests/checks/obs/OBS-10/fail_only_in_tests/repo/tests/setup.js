const Sentry = require('@sentry/node');

Sentry.init({ dsn: '' });
