import nodemailer from 'nodemailer';

const transport = nodemailer.createTransport({ host: 'smtp.example.com', connectionTimeout: 5000, socketTimeout: 10000 });

export async function sendReceipt(to: string) {
  await transport.sendMail({ to, subject: 'Receipt', text: 'Thanks' });
}
