import { FastifyInstance } from 'fastify'

export default async function (fastify: FastifyInstance) {
  fastify.get('/health', async () => ({ status: 'ok' }))
  fastify.post('/tasks', async (request, reply) => {
    reply.code(201)
    return { created: true }
  })
}
