module.exports = {
  apps: [{ name: 'orders-api', script: 'server.js', max_memory_restart: '300M' }],
};
