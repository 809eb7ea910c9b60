module.exports = {
  apps: [
    {
      name: 'orders-api',
      script: 'server.js',
      instances: 2,
      exec_mode: 'cluster',
      autorestart: false,
    },
  ],
};
