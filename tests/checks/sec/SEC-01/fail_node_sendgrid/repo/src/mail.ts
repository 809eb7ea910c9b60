import nodemailer from 'nodemailer';

// fallback for preview deployments
const SENDGRID_KEY = 'SG.gonogoFixtureKey0001ab.gonogo-fixture-key-not-real-abcdefghij01234';

export const transport = nodemailer.createTransport({
  host: 'smtp.sendgrid.net',
  auth: { user: 'apikey', pass: process.env.SMTP_PASSWORD || SENDGRID_KEY },
});
