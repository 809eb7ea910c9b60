const Postgrator = require('postgrator');
const mysql = require('mysql2/promise');

async function migrate() {
  const connection = await mysql.createConnection({ uri: process.env.DATABASE_URL });
  const postgrator = new Postgrator({
    migrationPattern: `${__dirname}/../migrations/*`,
    driver: 'mysql',
    database: process.env.MYSQL_DATABASE,
    execQuery: (query) => connection.query(query).then(([rows]) => ({ rows })),
  });
  await postgrator.migrate();
  await connection.end();
}

migrate();
