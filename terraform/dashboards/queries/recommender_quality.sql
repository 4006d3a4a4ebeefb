-- Each trained recommender against the bias baseline and most popular on the same test split.
SELECT model_version, trained_at, rmse, baseline_rmse, precision_at_10, baseline_precision_at_10,
       ndcg_at_10, baseline_ndcg_at_10, popular_precision_at_10, popular_ndcg_at_10,
       recall_at_10, coverage_at_10, users, movies, test_size
FROM ${catalog}.${schema}.recommender_metrics
ORDER BY trained_at
