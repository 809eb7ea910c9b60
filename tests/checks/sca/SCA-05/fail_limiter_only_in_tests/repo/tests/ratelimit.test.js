const rateLimit = require('express-rate-limit');
test('a limiter can be built', () => {
  expect(rateLimit({ limit: 1 })).toBeDefined();
});
