// Calls the orders service with a service token pasted into the code.
const ORDERS_TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJvcmRlcnMiLCJyb2xlIjoic2VydmljZSIsImlhdCI6MTcwMDAwMDAwMH0.JHYQ9N7dSrckfQfb2hnIHKmBf4WCB0LK1J1Af_rp5O0';

async function listOrders() {
  const res = await fetch('https://orders.internal/api/orders', {
    headers: { Authorization: `Bearer ${ORDERS_TOKEN}` },
    signal: AbortSignal.timeout(5000),
  });
  return res.json();
}

module.exports = { listOrders };
