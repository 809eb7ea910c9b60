const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY, { timeout: 10000 });

module.exports = stripe;
