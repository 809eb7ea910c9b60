CREATE TABLE tasks (
  id INT AUTO_INCREMENT PRIMARY KEY,
  author_id INT NOT NULL,
  FOREIGN KEY (author_id) REFERENCES users(id)
);
