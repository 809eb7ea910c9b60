import 'dotenv/config';

export const token = process.env.API_TOKEN;
