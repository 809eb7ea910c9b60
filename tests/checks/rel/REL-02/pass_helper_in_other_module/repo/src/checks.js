const { client } = require('./redis');

async function checkDependencies() {
  try {
    await client.ping();
    return true;
  } catch {
    return false;
  }
}

module.exports = { checkDependencies };
