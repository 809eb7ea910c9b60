const { Worker } = require('bullmq');

new Worker('emails', async (job) => {
  console.log('sending', job.id);
});
