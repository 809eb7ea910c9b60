const server = require('../src/server');

// The test harness closes the server itself; the service has no handler of its own.
process.on('SIGTERM', () => server.close());

test('starts', () => expect(server).toBeDefined());
