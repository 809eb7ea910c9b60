const client = require('prom-client');

client.collectDefaultMetrics();
test('metrics', () => {});
