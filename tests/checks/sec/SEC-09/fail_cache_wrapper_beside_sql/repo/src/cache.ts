// A small cache in front of Redis: get(key) and fetch(key, query) are not queries.
import { createClient, RedisClientType } from 'redis';

export class Cache {
  client: RedisClientType = createClient();

  async get(key: string) {
    const data = await this.client.get(key);
    return data ? JSON.parse(data) : null;
  }

  async fetch(key: string, query: () => Promise<unknown>) {
    const result = await this.get(key);
    if (result) return result;
    const data = await query();
    await this.client.set(key, JSON.stringify(data));
    return data;
  }
}

export const cache = new Cache();
