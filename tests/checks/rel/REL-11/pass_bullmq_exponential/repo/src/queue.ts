import { Queue } from 'bullmq';

export const emailQueue = new Queue('email', {
  connection: { host: 'redis' },
  defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
});
