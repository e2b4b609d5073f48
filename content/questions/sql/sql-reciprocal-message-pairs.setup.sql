CREATE TABLE messages(message_id BIGINT, sender_id BIGINT, recipient_id BIGINT, sent_ts TIMESTAMP, ds VARCHAR);
INSERT INTO messages VALUES
  (1,  1, 2, '2024-01-01 08:00:00', '2024-01-01'),
  (2,  1, 2, '2024-01-01 08:01:00', '2024-01-01'),   -- a second message 1 -> 2: a join without DISTINCT doubles the pair
  (3,  2, 1, '2024-01-01 09:00:00', '2024-01-01'),   -- reply: (1, 2) is reciprocal
  (4,  1, 3, '2024-01-01 10:00:00', '2024-01-01'),   -- one-way
  (5,  3, 4, '2024-01-01 11:00:00', '2024-01-01'),
  (6,  4, 3, '2024-01-02 07:00:00', '2024-01-02'),   -- the reply lands the next day: not reciprocal on 01-01
  (7,  5, 5, '2024-01-01 12:00:00', '2024-01-01'),   -- a note to self
  (8,  6, 7, '2024-01-01 13:00:00', '2024-01-01'),
  (9,  7, 6, '2024-01-01 13:05:00', '2024-01-01'),
  (10, 7, 6, '2024-01-01 13:06:00', '2024-01-01'),   -- (6, 7) reciprocal, written from the larger id's side twice
  (11, 8, 9, '2024-01-01 14:00:00', '2024-01-01'),
  (12, 8, 9, '2024-01-01 14:30:00', '2024-01-01');   -- two messages one way: "two messages in the pair" is not reciprocity
