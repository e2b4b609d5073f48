CREATE TABLE friend_requests(sender_id BIGINT, receiver_id BIGINT, sent_ts TIMESTAMP, ds VARCHAR);
CREATE TABLE friend_accepts(sender_id BIGINT, receiver_id BIGINT, accepted_ts TIMESTAMP, ds VARCHAR);
INSERT INTO friend_requests VALUES
  (1, 2, '2024-01-01 08:00:00', '2024-01-01'),
  (1, 2, '2024-01-01 20:00:00', '2024-01-01'),   -- re-sent: still one pair
  (3, 4, '2024-01-01 23:00:00', '2024-01-01'),
  (1, 3, '2024-01-01 09:00:00', '2024-01-01'),
  (2, 1, '2024-01-01 10:00:00', '2024-01-01'),   -- the reverse direction of an accepted pair
  (5, 6, '2024-01-01 12:00:00', '2024-01-01'),
  (6, 7, '2024-01-01 13:00:00', '2024-01-01'),
  (8, 9, '2024-01-02 09:00:00', '2024-01-02');   -- sent the next day
INSERT INTO friend_accepts VALUES
  (1, 2, '2024-01-02 07:00:00', '2024-01-02'),
  (3, 4, '2024-01-04 22:00:00', '2024-01-04'),   -- 71 h later, in the fourth partition
  (1, 3, '2024-01-04 10:00:00', '2024-01-04'),   -- 73 h later: too late
  (5, 6, '2023-12-28 09:00:00', '2023-12-28'),   -- accepted an earlier request, before this one was sent
  (8, 9, '2024-01-02 10:00:00', '2024-01-02');
