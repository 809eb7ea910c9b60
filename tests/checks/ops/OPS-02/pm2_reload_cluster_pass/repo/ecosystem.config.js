module.exports = {
  apps: [{ name: 'orders-api', script: 'server.js', exec_mode: 'cluster', instances: 'max', wait_ready: true }],
};
