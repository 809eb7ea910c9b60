module.exports = {
  apps: [{ name: 'orders-api', script: 'server.js' }],
};
