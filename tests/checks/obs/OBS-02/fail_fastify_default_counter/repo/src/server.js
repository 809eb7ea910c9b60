const fastify = require('fastify')({ logger: true });

fastify.get('/orders', async () => []);
fastify.listen({ port: 3000 });
