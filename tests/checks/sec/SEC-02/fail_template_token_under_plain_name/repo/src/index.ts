import 'dotenv/config';

export const key = process.env.SENDGRID_API_KEY;
