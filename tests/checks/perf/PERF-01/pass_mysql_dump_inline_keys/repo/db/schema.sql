-- MySQL dump of the articles schema
CREATE TABLE `author` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(200) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `article` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `title` varchar(45) NOT NULL,
  `author_id` int(11) DEFAULT '0',
  `slug_id` varchar(120) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_article_author` (`author_id`),
  INDEX idx_article_slug (`slug_id`(32))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
