const request = require('supertest');
const app = require('../src/server');

test('echoes the request id', async () => {
  await request(app).get('/orders').set('X-Request-ID', 'abc');
});
