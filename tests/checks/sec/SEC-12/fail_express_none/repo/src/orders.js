exports.list = (req, res) => res.json([]);
exports.create = (req, res) => res.status(201).json(req.body);
