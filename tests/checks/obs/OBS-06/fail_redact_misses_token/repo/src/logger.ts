import pino from 'pino';

export const logger = pino({ redact: ['password', '*.password'] });
