import nodemailer from 'nodemailer';

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: 587,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
});

export async function sendConfirmation(to: string) {
  await transport.sendMail({ from: 'bookings@example.com', to, subject: 'Confirmed', text: 'See you soon' });
}
