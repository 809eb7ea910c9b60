// Creates the database named in the environment before the first migration.
const mysql = require('mysql2/promise');

async function main() {
  const connection = await mysql.createConnection({ host: process.env.MYSQL_HOST, user: process.env.MYSQL_USER });
  await connection.query(`CREATE DATABASE IF NOT EXISTS \`${process.env.MYSQL_DATABASE}\``);
  await connection.end();
}

main();
