import helmet from '@fastify/helmet'

export const autoConfig = {
  // helmet's defaults: nosniff, SAMEORIGIN, no-referrer, HSTS
}

export default helmet
