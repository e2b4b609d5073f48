CREATE TABLE post_reactions(post_id BIGINT, reactor_id BIGINT, reaction_type VARCHAR, reaction_ts TIMESTAMP, ds VARCHAR);
INSERT INTO post_reactions VALUES
  (1, 100, 'like', '2024-01-01 08:00:00', '2024-01-01'),
  (1, 101, 'like', '2024-01-01 08:05:00', '2024-01-01'),
  (1, 102, 'like', '2024-01-01 09:00:00', '2024-01-01'),
  (1, 103, 'love', '2024-01-01 09:30:00', '2024-01-01'),
  (1, 104, 'haha', '2024-01-01 10:00:00', '2024-01-01'),
  (2, 100, 'like', '2024-01-01 11:00:00', '2024-01-01'),
  (2, 105, 'wow',  '2024-01-01 11:10:00', '2024-01-01'),   -- not a pivoted type, but still a reaction in the total
  (2, 106, 'wow',  '2024-01-01 11:20:00', '2024-01-01'),
  (3, 107, 'love', '2024-01-01 12:00:00', '2024-01-01'),
  (3, 108, NULL,   '2024-01-01 12:30:00', '2024-01-01'),   -- an old client logs no type: COUNT(reaction_type) skips it
  (1, 109, 'like', '2024-01-02 00:01:00', '2024-01-02');   -- next day
