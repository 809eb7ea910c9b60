const express = require("express");
const { PrismaClient } = require("@prisma/client");

const app = express();

app.get("/orders", async (req, res) => {
  const prisma = new PrismaClient();
  const orders = await prisma.order.findMany();
  res.json(orders);
});

app.listen(3000);
