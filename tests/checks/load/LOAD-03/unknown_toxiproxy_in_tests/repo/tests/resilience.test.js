const Toxiproxy = require('toxiproxy-node-client').Toxiproxy;

test('answers 503 when the database is slow', async () => {
  const toxiproxy = new Toxiproxy('http://localhost:8474');
  const proxy = await toxiproxy.get('postgres');
  await proxy.addToxic({ type: 'latency', attributes: { latency: 5000 } });
});
