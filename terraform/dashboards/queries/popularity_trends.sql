-- Daily popularity of today's ten most popular movies.
WITH top10 AS (
  SELECT movie_id
  FROM ${catalog}.${schema}.movie_rankings
  WHERE date_id = (SELECT max(date_id) FROM ${catalog}.${schema}.movie_rankings)
    AND popularity_rank <= 10
)
SELECT f.date_id, m.title, f.popularity
FROM ${catalog}.${schema}.status_fact f
JOIN top10 t ON t.movie_id = f.movie_id
JOIN ${catalog}.${schema}.movies_dim m ON m.movie_id = f.movie_id
ORDER BY f.date_id, m.title
