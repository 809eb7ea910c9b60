const fastify = require('fastify')({ logger: true });

const createItem = {
  body: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: { name: { type: 'string', maxLength: 80 } },
  },
};

fastify.post('/items', { schema: createItem }, async (request, reply) => {
  reply.code(201);
  return { name: request.body.name };
});

fastify.listen({ port: 3000 });
