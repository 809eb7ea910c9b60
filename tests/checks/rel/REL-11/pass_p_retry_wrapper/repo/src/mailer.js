const nodemailer = require('nodemailer');
const pRetry = require('p-retry');

const transport = nodemailer.createTransport({ host: 'smtp.example.com', connectionTimeout: 5000, socketTimeout: 10000 });

async function deliver(message) {
  return transport.sendMail(message);
}

async function sendWelcome(to) {
  return pRetry(() => deliver({ to, subject: 'Welcome' }), { retries: 4, factor: 2, minTimeout: 500 });
}

module.exports = { sendWelcome };
