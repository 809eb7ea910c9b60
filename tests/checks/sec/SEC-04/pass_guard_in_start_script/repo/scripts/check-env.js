// Run by `npm start` before the server: refuses to start without the database URL.
if (process.env.SKIP_ENV_CHECK) {
  process.exit(0);
}

if (!process.env.DATABASE_URL) {
  throw new Error('DATABASE_URL is not defined.');
}
