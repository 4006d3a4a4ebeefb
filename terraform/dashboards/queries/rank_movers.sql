-- Biggest popularity-rank moves between the two latest snapshots (> 0: climbed).
WITH ranked AS (
  SELECT date_id, movie_id, popularity_rank,
         lag(popularity_rank) OVER (PARTITION BY movie_id ORDER BY date_id) AS previous_rank
  FROM ${catalog}.${schema}.movie_rankings
)
SELECT m.title, r.previous_rank, r.popularity_rank, r.previous_rank - r.popularity_rank AS places_climbed
FROM ranked r
JOIN ${catalog}.${schema}.movies_dim m ON m.movie_id = r.movie_id
WHERE r.date_id = (SELECT max(date_id) FROM ${catalog}.${schema}.movie_rankings)
  AND r.previous_rank IS NOT NULL
ORDER BY abs(r.previous_rank - r.popularity_rank) DESC, m.title
LIMIT 20
