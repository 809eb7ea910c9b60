// An example from the docs: not what the service runs.
const express = require('express');
const helmet = require('helmet');
const app = express();
app.use(helmet());
