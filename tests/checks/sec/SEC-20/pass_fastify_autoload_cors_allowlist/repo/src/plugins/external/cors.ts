import cors, { FastifyCorsOptions } from '@fastify/cors'

export const autoConfig: FastifyCorsOptions = {
  origin: ['https://app.example.com'],
  credentials: true
}

export default cors
