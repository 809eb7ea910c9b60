const pino = require('pino');
const logger = pino();
test('logs', () => logger.info('x'));
