import { PrismaClient } from '@prisma/client';

const client = new PrismaClient();

async function rawQuery(sql: string, params: unknown[]): Promise<any> {
  const schema = process.env.DATABASE_SCHEMA;
  if (schema) {
    await client.$executeRawUnsafe(`SET search_path TO "${schema}";`);
  }
  return client.$queryRawUnsafe(sql, ...params);
}

export async function pagedQuery(query: string, params: unknown[], page: number) {
  const count = await rawQuery(`select count(*) as num from (${query}) t`, params);
  const data = await rawQuery(`${query} limit 50 offset ${page * 50}`, params);
  return { data, count };
}

export async function renameWebsite(id: string, name: string) {
  return client.website.update({ where: { id }, data: { name } });
}
