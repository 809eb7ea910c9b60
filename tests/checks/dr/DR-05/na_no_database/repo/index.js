const express = require("express");
const app = express();
app.get("/", (req, res) => res.send("migrate later"));
app.listen(3000);
