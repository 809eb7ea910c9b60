import env from '@fastify/env'

const schema = {
  type: 'object',
  required: ['DATABASE_URL', 'COOKIE_SECRET'],
  properties: {
    DATABASE_URL: { type: 'string' },
    COOKIE_SECRET: { type: 'string' },
    PORT: { type: 'number', default: 3000 }
  }
}

export const autoConfig = {
  confKey: 'config',
  schema,
  data: process.env
}

export default env
