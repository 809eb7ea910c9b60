// The application: every plugin under plugins/external and every route under routes is
// registered by @fastify/autoload.
import path from 'node:path'
import fastifyAutoload from '@fastify/autoload'
import { FastifyInstance } from 'fastify'

export default async function app (fastify: FastifyInstance) {
  await fastify.register(fastifyAutoload, {
    dir: path.join(import.meta.dirname, 'plugins/external')
  })
  fastify.register(fastifyAutoload, {
    dir: path.join(import.meta.dirname, 'routes')
  })
}
