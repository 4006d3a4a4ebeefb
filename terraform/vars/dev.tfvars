# Development environment. No secrets here: export the TMDB token before running Terraform, e.g.
#   export TF_VAR_tmdb_api_token='<TMDB v4 read access token>'
# and ARM_SUBSCRIPTION_ID (or set subscription_id below). The ratings key is generated into the
# Key Vault (never in state).

location    = "westeurope"
name_prefix = "moviestatus"
environment = "dev"

databricks_sku     = "premium"
spark_version      = "16.4.x-scala2.12" # or 17.3.x-scala2.13 (the dbr17.3 JAR, built with -Pspark-4.0)
node_type          = "Standard_D4ds_v5"
num_workers        = 0 # single-node job clusters
use_spot_instances = true

storage_replication_type = "LRS"

# Account-level group owning the Unity Catalog objects and managing the dashboard; the deploying
# identity must be a member.
owners_group   = "movie-status-admins"
analysts_group = ""

# dev: terraform destroy may drop the catalog and schema with the registered tables.
uc_force_destroy = true

timezone             = "Europe/Berlin"
pause_schedules      = false
ingest_schedule      = "0 0 3 * * ?"   # every day 03:00
pipeline_schedule    = "0 0 6 ? * MON" # Mondays 06:00
maintenance_schedule = "0 0 4 ? * SUN" # Sundays 04:00

tmdb_top_n = 100

# Empty = no ratings task. To add it, drop rating files below landing_dir (output landing_uri) and
# point here (a path relative to the filesystem, below landing_dir), e.g.
#   ratings_input_path = "landing/ratings/ml-latest-small/ratings.csv"
#   ratings_links_path = "landing/ratings/ml-latest-small/links.csv"
ratings_input_path = ""
ratings_format     = "movielens"
recommend_seed     = 42

vacuum_retention_hours = 168
task_max_retries       = 1

notification_emails = []

tags = {
  owner = "data-team"
}
