import pino from 'pino';

// TODO: add X-Request-ID to every log line
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
