const axios = require('axios');

async function current(city) {
  const { data } = await axios.get(`https://api.weather.example/v1/${city}`, { params: { units: 'metric' } });
  return data;
}

module.exports = { current };
