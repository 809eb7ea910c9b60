const pino = require('pino');

module.exports.logger = pino({
  level: 'info',
  redact: { paths: ['email', '*.email', 'password', 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
});
