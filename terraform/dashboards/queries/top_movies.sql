-- Today's top 20 movies by TMDB popularity, with their weighted rating and 7-day rank change.
SELECT r.popularity_rank, m.title, r.popularity, r.vote_average, r.vote_count,
       r.weighted_rating, r.weighted_rank, r.popularity_rank_change
FROM ${catalog}.${schema}.movie_rankings r
JOIN ${catalog}.${schema}.movies_dim m USING (movie_id)
WHERE r.date_id = (SELECT max(date_id) FROM ${catalog}.${schema}.movie_rankings)
ORDER BY r.popularity_rank
LIMIT 20
