import sgMail from '@sendgrid/mail';
import { Worker } from 'bullmq';

sgMail.setApiKey(process.env.SENDGRID_API_KEY!);

new Worker('email', async (job) => {
  await sgMail.send({ to: job.data.to, from: 'noreply@example.com', subject: 'Hi', text: 'Hello' });
}, { connection: { host: 'redis' } });
