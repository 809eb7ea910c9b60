const jwt = require('jsonwebtoken');
module.exports.issue = (id) =>
  jwt.sign({ sub: id }, 'hunter2-jwt-signing', { expiresIn: '1h', algorithm: 'HS256' });
