const express = require("express");
const Redis = require("ioredis");
// a connection pool is not needed here: no SQL database
const redis = new Redis(process.env.REDIS_URL);
const app = express();
app.get("/", async (req, res) => res.send(await redis.get("k")));
app.listen(3000);
