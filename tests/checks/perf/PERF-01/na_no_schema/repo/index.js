const express = require("express");
const app = express();
// TODO: add an index on orders.customer_id once we have a database
app.get("/", (req, res) => res.send("ok"));
app.listen(3000);
