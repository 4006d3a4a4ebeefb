# ---------------------------------------------------------------------------------------------------
# Azure placement and naming
# ---------------------------------------------------------------------------------------------------

variable "subscription_id" {
  description = "Azure subscription to deploy into. null = use ARM_SUBSCRIPTION_ID from the environment."
  type        = string
  default     = null

  validation {
    condition     = var.subscription_id == null || can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", var.subscription_id))
    error_message = "subscription_id must be a GUID (or null to read ARM_SUBSCRIPTION_ID)."
  }
}

variable "location" {
  description = "Azure region for every resource, as a programmatic name (e.g. westeurope, eastus2)."
  type        = string
  default     = "westeurope"

  validation {
    condition     = can(regex("^[a-z]+[a-z0-9]*$", var.location))
    error_message = "location must be a lower-case Azure region name without spaces, e.g. westeurope."
  }
}

variable "name_prefix" {
  description = "Prefix of every resource name. Lower-case letters and digits, optionally single hyphens; 3-16 characters."
  type        = string
  default     = "moviestatus"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", var.name_prefix)) && length(var.name_prefix) >= 3 && length(var.name_prefix) <= 16
    error_message = "name_prefix must be 3-16 characters of lower-case letters, digits and single hyphens, starting with a letter."
  }
}

variable "environment" {
  description = "Environment name appended to resource names (e.g. dev, test, prod)."
  type        = string
  default     = "dev"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,7}$", var.environment))
    error_message = "environment must be 2-8 lower-case letters or digits, starting with a letter."
  }
}

variable "tags" {
  description = "Extra tags for every Azure resource (and the jobs' clusters). project, environment and managed_by are always added."
  type        = map(string)
  default     = {}
}

# ---------------------------------------------------------------------------------------------------
# Storage (ADLS Gen2)
# ---------------------------------------------------------------------------------------------------

variable "storage_replication_type" {
  description = "Replication of the lake's storage account."
  type        = string
  default     = "LRS"

  validation {
    condition     = contains(["LRS", "ZRS", "GRS", "RAGRS", "GZRS", "RAGZRS"], var.storage_replication_type)
    error_message = "storage_replication_type must be one of LRS, ZRS, GRS, RAGRS, GZRS, RAGZRS."
  }
}

variable "lake_filesystem_name" {
  description = "Name of the ADLS Gen2 filesystem (container) holding the lake."
  type        = string
  default     = "lake"

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9]|-[a-z0-9]){2,62}$", var.lake_filesystem_name))
    error_message = "lake_filesystem_name must be 3-63 lower-case letters, digits and single hyphens, not starting or ending with a hyphen."
  }
}

variable "lake_soft_delete_retention_days" {
  description = "Days a deleted blob, or the deleted lake filesystem, can be restored (blob and container soft delete)."
  type        = number
  default     = 14

  validation {
    condition     = var.lake_soft_delete_retention_days >= 1 && var.lake_soft_delete_retention_days <= 365 && floor(var.lake_soft_delete_retention_days) == var.lake_soft_delete_retention_days
    error_message = "lake_soft_delete_retention_days must be a whole number between 1 and 365."
  }
}

variable "lake_public_network_access_restricted" {
  description = "false (default): the lake's storage account accepts connections from any network (Entra ID authentication still required). true: deny all networks except lake_allowed_ip_ranges, lake_allowed_subnet_ids, trusted Azure services and the Unity Catalog access connector. Then job clusters need VNet injection with a Microsoft.Storage service endpoint, the dashboard's serverless SQL warehouse needs serverless network access set up at the account level (README, \"Restricted network mode\"), and Terraform must run from an allowed address."
  type        = bool
  default     = false

  validation {
    # azurerm: network_rules need ip_rules or virtual_network_subnet_ids (r/storage_account).
    condition     = !var.lake_public_network_access_restricted || length(var.lake_allowed_ip_ranges) + length(var.lake_allowed_subnet_ids) > 0
    error_message = "lake_public_network_access_restricted = true needs lake_allowed_ip_ranges or lake_allowed_subnet_ids (at least the deploying machine's address)."
  }
}

variable "lake_allowed_ip_ranges" {
  description = "Public IPv4 addresses or CIDR ranges (prefix /0 to /30) allowed to reach the lake when lake_public_network_access_restricted = true (e.g. the deploying machine's address). azurerm rejects /31, /32 and private (RFC 1918) ranges: give a single address without a prefix."
  type        = list(string)
  default     = []

  validation {
    # The same rules as azurerm 5.x's storage account ip_rules (internal/services/storage/validate/
    # storage_account_ip_rule.go): IPv4 with an optional prefix of 0-30, not 10/8, 172.16/12, 192.168/16.
    condition = alltrue([for ip in var.lake_allowed_ip_ranges :
      can(regex("^([0-9]{1,3}\\.){3}[0-9]{1,3}(/([0-9]|[1-2][0-9]|30))?$", ip)) && !can(regex("^(10\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|192\\.168\\.)", ip))
    ])
    error_message = "lake_allowed_ip_ranges must contain public IPv4 addresses, or CIDR ranges with a prefix of /30 or shorter (azurerm rejects /31, /32 and private ranges; give a single address without /32)."
  }
}

variable "lake_allowed_subnet_ids" {
  description = "Subnet resource ids allowed through the lake's firewall when lake_public_network_access_restricted = true: the job clusters' VNet-injected subnets (with a Microsoft.Storage service endpoint) and the stable subnets of the account's serverless network connectivity configuration (for the dashboard's SQL warehouse)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for id in var.lake_allowed_subnet_ids : can(regex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Network/virtualNetworks/[^/]+/subnets/[^/]+$", id))])
    error_message = "lake_allowed_subnet_ids must contain subnet resource ids (/subscriptions/.../providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>)."
  }
}

variable "lake_root_dir" {
  description = "Folder inside the filesystem that is the lake root (--lake points here); bronze, silver, gold and _state are created below it. The only prefix the jobs may write (external location with WRITE FILES)."
  type        = string
  default     = "movie-status"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", var.lake_root_dir)) && split("/", var.lake_root_dir)[0] != "unity-catalog"
    error_message = "lake_root_dir must be a relative folder path such as movie-status (no leading or trailing slash), outside unity-catalog/ (the catalog's managed storage)."
  }
}

variable "landing_dir" {
  description = "Folder inside the filesystem where rating files are dropped for the ratings task: a read-only external location for the jobs (READ FILES). Relative ratings_input_path/ratings_links_path values must lie below it."
  type        = string
  default     = "landing"

  validation {
    # External locations may not overlap: landing, the lake root and unity-catalog/ are disjoint.
    condition = (
      can(regex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", var.landing_dir)) &&
      split("/", var.landing_dir)[0] != "unity-catalog" &&
      !startswith("${var.landing_dir}/", "${var.lake_root_dir}/") &&
      !startswith("${var.lake_root_dir}/", "${var.landing_dir}/")
    )
    error_message = "landing_dir must be a relative folder path (no leading or trailing slash) that neither contains nor lies inside lake_root_dir, outside unity-catalog/."
  }
}

variable "rbac_propagation_seconds" {
  description = "Seconds to wait after the Azure role assignments (deployer and access connector on the lake container, deployer and AzureDatabricks on the Key Vault) before anything uses them: the lake folders, the secrets and the external locations' validation. Bounded; if Azure was slower, run terraform apply again."
  type        = number
  default     = 120

  validation {
    condition     = var.rbac_propagation_seconds >= 0 && var.rbac_propagation_seconds <= 900 && floor(var.rbac_propagation_seconds) == var.rbac_propagation_seconds
    error_message = "rbac_propagation_seconds must be a whole number between 0 and 900."
  }
}

# ---------------------------------------------------------------------------------------------------
# Databricks workspace and job clusters
# ---------------------------------------------------------------------------------------------------

variable "databricks_sku" {
  description = "Databricks workspace SKU: premium, or trial (premium features for 14 days). Standard is not offered: Azure no longer creates Standard workspaces, and it lacks secret ACLs, workspace-object permissions and job access control."
  type        = string
  default     = "premium"

  validation {
    condition     = contains(["premium", "trial"], var.databricks_sku)
    error_message = "databricks_sku must be premium or trial."
  }
}

variable "spark_version" {
  description = "Databricks Runtime of the job clusters: 16.4 LTS on Scala 2.12 (16.4.x-scala2.12; Spark 3.5) or 17.3 LTS (17.3.x-scala2.13; Spark 4.0), or a variant of either such as 16.4.x-photon-scala2.12 or 17.3.x-cpu-ml-scala2.13. It picks the JAR the tasks run (databricks_runtime.tf)."
  type        = string
  default     = "16.4.x-scala2.12"

  validation {
    condition     = anytrue([for line in local.databricks_lines : can(regex(line.runtime, var.spark_version))])
    error_message = "spark_version ${var.spark_version} is not a runtime this project builds a JAR for: use Databricks Runtime 16.4 LTS on Scala 2.12 (16.4.x-scala2.12, Spark 3.5) or 17.3 LTS (17.3.x-scala2.13, Spark 4.0), or a variant of the same key such as 16.4.x-photon-scala2.12 or 17.3.x-cpu-ml-scala2.13; 16.4.x-scala2.13 is not built."
  }
}

variable "node_type" {
  description = "Azure VM size of the job clusters' driver and workers."
  type        = string
  default     = "Standard_D4ds_v5"

  validation {
    condition     = can(regex("^Standard_[A-Za-z0-9_]+$", var.node_type))
    error_message = "node_type must be an Azure VM size such as Standard_D4ds_v5."
  }
}

variable "num_workers" {
  description = "Workers per job cluster. 0 = single-node cluster (driver only; enough for the daily ingest and small lakes)."
  type        = number
  default     = 1

  validation {
    condition     = var.num_workers >= 0 && var.num_workers <= 64 && floor(var.num_workers) == var.num_workers
    error_message = "num_workers must be a whole number between 0 and 64."
  }
}

variable "use_spot_instances" {
  description = "Run workers on Azure spot VMs with fallback to on-demand (the driver stays on-demand)."
  type        = bool
  default     = false
}

variable "jar_path" {
  description = "The shaded JAR to upload, relative to this folder (or absolute). null (default) = the JAR of spark_version's line as the build writes it: ../movie-jobs/target/movie-status-databricks-dbr16.4.jar for 16.4 LTS, ../movie-jobs/target/spark-4.0/movie-status-databricks-dbr17.3.jar for 17.3 LTS. Its file name must keep the line's tag (dbr16.4 or dbr17.3)."
  type        = string
  default     = null

  validation {
    condition     = var.jar_path == null || can(regex("\\.jar$", var.jar_path))
    error_message = "jar_path must point to a .jar file (or be null for the JAR of spark_version's line)."
  }

  validation {
    condition     = var.jar_path == null || length([for line in local.databricks_lines : line if strcontains(basename(coalesce(var.jar_path, "-")), line.tag)]) == 1
    error_message = "jar_path ${jsonencode(var.jar_path)} does not name one Databricks line: the file name must contain exactly one of dbr16.4 (Spark 3.5 / Scala 2.12) and dbr17.3 (Spark 4.0 / Scala 2.13), as the build names the JARs."
  }
}

variable "secret_scope_name" {
  description = "Databricks secret scope (Key Vault-backed) exposing the vault's tmdb-api-token and ratings-hmac-key."
  type        = string
  default     = "movie-status"

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]{1,128}$", var.secret_scope_name))
    error_message = "secret_scope_name may contain letters, digits, dots, hyphens and underscores (max 128)."
  }
}

# ---------------------------------------------------------------------------------------------------
# Unity Catalog
# ---------------------------------------------------------------------------------------------------

variable "uc_catalog_name" {
  description = "Unity Catalog catalog created for the lake's tables. null = <name_prefix>_<environment> with hyphens as underscores (catalog names are unique in the metastore, so each environment gets its own)."
  type        = string
  default     = null

  validation {
    condition     = var.uc_catalog_name == null || can(regex("^[a-z][a-z0-9_]{0,254}$", coalesce(var.uc_catalog_name, "x")))
    error_message = "uc_catalog_name must be lower-case letters, digits and underscores, starting with a letter."
  }
}

variable "uc_schema_name" {
  description = "Schema the jobs register the lake's tables in (<catalog>.<schema>.<table>, RecommendJob etc. --schema). Also holds the artifacts volume with the JAR."
  type        = string
  default     = "movies"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,254}$", var.uc_schema_name))
    error_message = "uc_schema_name must be lower-case letters, digits and underscores, starting with a letter."
  }
}

variable "owners_group" {
  description = "Existing account-level group that owns every Unity Catalog object created here (storage credential, external locations, catalog, schema, volumes) and has CAN_MANAGE on the dashboard, its folder and the SQL warehouse. The deploying identity must be a member, or later applies cannot manage the objects."
  type        = string

  validation {
    condition     = length(trimspace(var.owners_group)) > 0
    error_message = "owners_group must name an existing account-level group (e.g. movie-status-admins)."
  }
}

variable "analysts_group" {
  description = "Existing workspace/account group granted read access: USE CATALOG, USE SCHEMA and SELECT on the tables, READ VOLUME on the reports volume, CAN USE on the SQL warehouse, CAN READ on the dashboard folder and CAN RUN on the dashboard. Empty = no such grants."
  type        = string
  default     = ""
}

variable "uc_force_destroy" {
  description = "Let terraform destroy drop the catalog and schema with the tables the jobs registered in them (force_destroy). false (default, and prod): destroy stops at a catalog that still holds tables."
  type        = bool
  default     = false
}

variable "dashboard_parent_path" {
  description = "Workspace folder of the AI/BI dashboard, created with explicit permissions (owners CAN_MANAGE, analysts CAN_READ). Not under /Shared, where every user has CAN_MANAGE."
  type        = string
  default     = "/movie-status"

  validation {
    condition     = can(regex("^/[^ ]+[^/]$", var.dashboard_parent_path)) && !can(regex("^(/Workspace)?/Shared(/|$)", var.dashboard_parent_path))
    error_message = "dashboard_parent_path must be an absolute workspace path without a trailing slash, outside /Shared (every user can manage everything there)."
  }
}

# ---------------------------------------------------------------------------------------------------
# Secrets (never put real values in vars/*.tfvars; pass them as TF_VAR_* environment variables).
# Ephemeral (Terraform >= 1.10): never written to the plan or the state; they only reach the Key
# Vault secrets' write-only value_wo arguments (Terraform >= 1.11), which Terraform sends when the
# secret is created or its *_version changes.
# ---------------------------------------------------------------------------------------------------

variable "key_vault_soft_delete_retention_days" {
  description = "Days a deleted secret, or the deleted vault, stays recoverable (7-90). Purge protection is always on: nothing can be purged before. Set once: Azure does not allow changing it."
  type        = number
  default     = 90

  validation {
    condition     = var.key_vault_soft_delete_retention_days >= 7 && var.key_vault_soft_delete_retention_days <= 90 && floor(var.key_vault_soft_delete_retention_days) == var.key_vault_soft_delete_retention_days
    error_message = "key_vault_soft_delete_retention_days must be a whole number between 7 and 90."
  }
}

variable "tmdb_api_token" {
  description = "TMDB API read access token (v4 bearer). Pass it as the TF_VAR_tmdb_api_token environment variable on every plan and apply; it is written to Key Vault only when the secret is created or tmdb_api_token_version changes."
  type        = string
  sensitive   = true
  ephemeral   = true

  validation {
    condition     = length(trimspace(var.tmdb_api_token)) >= 20
    error_message = "tmdb_api_token looks empty or truncated: export TF_VAR_tmdb_api_token with the TMDB v4 read access token."
  }
}

variable "tmdb_api_token_version" {
  description = "Version of the TMDB token in Key Vault: increase it (with a new TF_VAR_tmdb_api_token) to write a new token."
  type        = number
  default     = 1

  validation {
    condition     = var.tmdb_api_token_version >= 1 && floor(var.tmdb_api_token_version) == var.tmdb_api_token_version
    error_message = "tmdb_api_token_version must be a whole number >= 1."
  }
}

variable "ratings_hmac_key" {
  description = "Key that pseudonymises rating user ids (HMAC), written to Key Vault when the secret is created or ratings_hmac_key_version changes. null (default) = a random 64-character key, generated ephemerally (never in state). Set it (TF_VAR_ratings_hmac_key) only to carry over the key of an existing deployment."
  type        = string
  sensitive   = true
  ephemeral   = true
  default     = null

  validation {
    condition     = var.ratings_hmac_key == null || length(coalesce(var.ratings_hmac_key, "x")) >= 32
    error_message = "ratings_hmac_key must be at least 32 characters (or null to generate one)."
  }
}

variable "ratings_hmac_key_version" {
  description = "Version of the ratings key in Key Vault. Increasing it writes a NEW key, which changes every pseudonymised user id: re-pseudonymise ratings_fact under it (README, \"Keys and rotation\") - never increase it by accident."
  type        = number
  default     = 1

  validation {
    condition     = var.ratings_hmac_key_version >= 1 && floor(var.ratings_hmac_key_version) == var.ratings_hmac_key_version
    error_message = "ratings_hmac_key_version must be a whole number >= 1."
  }
}

# ---------------------------------------------------------------------------------------------------
# Jobs
# ---------------------------------------------------------------------------------------------------

variable "timezone" {
  description = "Java time-zone id the quartz schedules are evaluated in (e.g. UTC, Europe/Berlin)."
  type        = string
  default     = "UTC"

  validation {
    condition     = can(regex("^[A-Za-z]+(/[A-Za-z0-9_+-]+)*$", var.timezone))
    error_message = "timezone must be a Java time-zone id such as UTC or Europe/Berlin."
  }
}

variable "pause_schedules" {
  description = "Create the jobs with their schedules paused (runs only on demand)."
  type        = bool
  default     = false
}

variable "ingest_schedule" {
  description = "Quartz cron (sec min hour day-of-month month day-of-week [year]) of the daily TMDB ingest."
  type        = string
  default     = "0 0 3 * * ?"

  validation {
    condition     = length(split(" ", trimspace(var.ingest_schedule))) >= 6 && length(split(" ", trimspace(var.ingest_schedule))) <= 7
    error_message = "ingest_schedule must be a quartz cron expression with 6 or 7 fields, e.g. \"0 0 3 * * ?\"."
  }
}

variable "export_ingest_schedule" {
  description = "Quartz cron, in UTC, of the daily TMDB ID export ingest (IngestJob --source export). TMDB publishes each day's export by 08:00 UTC."
  type        = string
  default     = "0 30 9 * * ?"

  validation {
    condition     = length(split(" ", trimspace(var.export_ingest_schedule))) >= 6 && length(split(" ", trimspace(var.export_ingest_schedule))) <= 7
    error_message = "export_ingest_schedule must be a quartz cron expression with 6 or 7 fields, e.g. \"0 30 9 * * ?\"."
  }
}

variable "pipeline_schedule" {
  description = "Quartz cron of the weekly pipeline job (silver -> ratings -> gold -> recommend). Must name the day(s) of the week."
  type        = string
  default     = "0 0 6 ? * MON"

  validation {
    # The original project's "weekly" job used "0 5 0 * * ?", which fires every day. Requiring a
    # concrete day-of-week field (not * or ?) rules that mistake out.
    condition = (
      length(split(" ", trimspace(var.pipeline_schedule))) >= 6 &&
      length(split(" ", trimspace(var.pipeline_schedule))) <= 7 &&
      !contains(["*", "?"], try(split(" ", trimspace(var.pipeline_schedule))[5], "*"))
    )
    error_message = "pipeline_schedule must be a 6/7-field quartz cron whose day-of-week field names a day, e.g. \"0 0 6 ? * MON\"."
  }
}

variable "maintenance_schedule" {
  description = "Quartz cron of the weekly maintenance job (OPTIMIZE, then VACUUM). Must name the day(s) of the week."
  type        = string
  default     = "0 0 4 ? * SUN"

  validation {
    condition = (
      length(split(" ", trimspace(var.maintenance_schedule))) >= 6 &&
      length(split(" ", trimspace(var.maintenance_schedule))) <= 7 &&
      !contains(["*", "?"], try(split(" ", trimspace(var.maintenance_schedule))[5], "*"))
    )
    error_message = "maintenance_schedule must be a 6/7-field quartz cron whose day-of-week field names a day, e.g. \"0 0 4 ? * SUN\"."
  }
}

variable "tmdb_top_n" {
  description = "Number of movies the daily ingest snapshots (IngestJob --top)."
  type        = number
  default     = 100

  validation {
    condition     = var.tmdb_top_n >= 1 && var.tmdb_top_n <= 10000 && floor(var.tmdb_top_n) == var.tmdb_top_n
    error_message = "tmdb_top_n must be a whole number between 1 and 10000 (TMDB serves at most 500 pages of 20)."
  }
}

variable "tmdb_base_url" {
  description = "Override of the TMDB API base URL (IngestJob --tmdb-base-url). Empty = the runner's default."
  type        = string
  default     = ""

  validation {
    condition     = var.tmdb_base_url == "" || can(regex("^https://", var.tmdb_base_url))
    error_message = "tmdb_base_url must be empty or an https:// URL."
  }
}

variable "tmdb_export_base_url" {
  description = "Override of the TMDB daily export folder URL (IngestJob --export-base-url). Empty = the runner's default (https://files.tmdb.org/p/exports/)."
  type        = string
  default     = ""

  validation {
    condition     = var.tmdb_export_base_url == "" || can(regex("^https://", var.tmdb_export_base_url))
    error_message = "tmdb_export_base_url must be empty or an https:// URL."
  }
}

variable "ratings_input_path" {
  description = "Rating files for the weekly ratings task (RatingsJob --input): a path relative to the lake filesystem below landing_dir (e.g. landing/ratings), or an abfss:// URI (the job principal then needs READ FILES there from an external location not created here). Empty = no ratings task."
  type        = string
  default     = ""

  validation {
    condition     = var.ratings_input_path == "" || can(regex("^abfss://", var.ratings_input_path)) || (!can(regex("^[A-Za-z][A-Za-z0-9+.-]*:", var.ratings_input_path)) && can(regex("^/?${var.landing_dir}/", var.ratings_input_path)))
    error_message = "ratings_input_path must be empty, an abfss:// URI, or a path relative to the lake filesystem below landing_dir (the jobs' read-only location)."
  }
}

variable "ratings_format" {
  description = "Format of the rating files (RatingsJob --format)."
  type        = string
  default     = "movielens"

  validation {
    condition     = contains(["movielens", "events"], var.ratings_format)
    error_message = "ratings_format must be movielens or events."
  }
}

variable "ratings_links_path" {
  description = "MovieLens links.csv mapping MovieLens ids to TMDB ids (RatingsJob --links): abfss:// URI or path relative to the lake filesystem below landing_dir. Empty = not passed."
  type        = string
  default     = ""

  validation {
    condition     = var.ratings_links_path == "" || can(regex("^abfss://", var.ratings_links_path)) || (!can(regex("^[A-Za-z][A-Za-z0-9+.-]*:", var.ratings_links_path)) && can(regex("^/?${var.landing_dir}/", var.ratings_links_path)))
    error_message = "ratings_links_path must be empty, an abfss:// URI, or a path relative to the lake filesystem below landing_dir."
  }
}

variable "recommend_seed" {
  description = "Random seed of the recommender (RecommendJob --seed). null = not passed (runner default)."
  type        = number
  default     = null

  validation {
    condition     = var.recommend_seed == null || floor(coalesce(var.recommend_seed, 0)) == coalesce(var.recommend_seed, 0)
    error_message = "recommend_seed must be a whole number (a Java long)."
  }
}

variable "recommend_grid" {
  description = "Tuning grids of the recommender (RecommendJob --ranking-ranks, --ranking-reg-params, --alphas, --rating-ranks, --rating-reg-params). null = the runner's defaults (ranking: rank 32 x regParam 0.2,1 x alpha 1,4; rating: rank 20 x regParam 0.1,0.2). Narrow them to the values a run has chosen (recommender_metrics) to fit each model once."
  type = object({
    ranking_ranks      = list(number)
    ranking_reg_params = list(number)
    alphas             = list(number)
    rating_ranks       = list(number)
    rating_reg_params  = list(number)
  })
  default = null

  validation {
    # values(null) fails, so try() lets null (the default) through
    condition     = try(alltrue([for v in values(var.recommend_grid) : length(v) > 0]), true)
    error_message = "Every list of recommend_grid must have at least one value."
  }
}

variable "recommend_max_iter" {
  description = "ALS iterations of every fit of the recommender (RecommendJob --max-iter). null = not passed (runner default 10)."
  type        = number
  default     = null

  validation {
    condition     = var.recommend_max_iter == null || (floor(coalesce(var.recommend_max_iter, 1)) == coalesce(var.recommend_max_iter, 1) && coalesce(var.recommend_max_iter, 1) >= 1)
    error_message = "recommend_max_iter must be a whole number >= 1."
  }
}

variable "recommend_blocks" {
  description = "ALS user and item blocks of every fit (RecommendJob --blocks). null = not passed (runner default 10)."
  type        = number
  default     = null

  validation {
    condition     = var.recommend_blocks == null || (floor(coalesce(var.recommend_blocks, 1)) == coalesce(var.recommend_blocks, 1) && coalesce(var.recommend_blocks, 1) >= 1)
    error_message = "recommend_blocks must be a whole number >= 1."
  }
}

variable "vacuum_retention_hours" {
  description = "VACUUM retention of the maintenance job (MaintenanceJob --retention-hours). At least 168 (7 days), Delta's safe minimum."
  type        = number
  default     = 168

  validation {
    condition     = var.vacuum_retention_hours >= 168 && floor(var.vacuum_retention_hours) == var.vacuum_retention_hours
    error_message = "vacuum_retention_hours must be a whole number of at least 168."
  }
}

variable "task_max_retries" {
  description = "Retries of a failed task before the run fails."
  type        = number
  default     = 2

  validation {
    condition     = var.task_max_retries >= 0 && var.task_max_retries <= 10
    error_message = "task_max_retries must be between 0 and 10."
  }
}

variable "task_min_retry_interval_millis" {
  description = "Minimum wait between a failed attempt and its retry, in milliseconds."
  type        = number
  default     = 300000

  validation {
    condition     = var.task_min_retry_interval_millis >= 0
    error_message = "task_min_retry_interval_millis must not be negative."
  }
}

variable "ingest_timeout_seconds" {
  description = "Timeout of one ingest attempt, in seconds."
  type        = number
  default     = 3600

  validation {
    condition     = var.ingest_timeout_seconds >= 300 && var.ingest_timeout_seconds <= 86400
    error_message = "ingest_timeout_seconds must be between 300 and 86400."
  }
}

variable "pipeline_task_timeout_seconds" {
  description = "Timeout of one attempt of each weekly pipeline task (silver, ratings, gold, recommend), in seconds."
  type        = number
  default     = 7200

  validation {
    condition     = var.pipeline_task_timeout_seconds >= 300 && var.pipeline_task_timeout_seconds <= 86400
    error_message = "pipeline_task_timeout_seconds must be between 300 and 86400."
  }
}

variable "maintenance_timeout_seconds" {
  description = "Timeout of one maintenance attempt, in seconds."
  type        = number
  default     = 7200

  validation {
    condition     = var.maintenance_timeout_seconds >= 300 && var.maintenance_timeout_seconds <= 86400
    error_message = "maintenance_timeout_seconds must be between 300 and 86400."
  }
}

variable "ingest_job_timeout_seconds" {
  description = "Timeout of a whole ingest run, retries included, in seconds. A run longer than half of it raises the RUN_DURATION_SECONDS health warning."
  type        = number
  default     = 14400

  validation {
    condition     = var.ingest_job_timeout_seconds >= 600 && var.ingest_job_timeout_seconds <= 172800
    error_message = "ingest_job_timeout_seconds must be between 600 and 172800."
  }
}

variable "pipeline_job_timeout_seconds" {
  description = "Timeout of a whole weekly pipeline run (silver, ratings, gold, recommend with retries), in seconds. A run longer than half of it raises the RUN_DURATION_SECONDS health warning."
  type        = number
  default     = 43200

  validation {
    condition     = var.pipeline_job_timeout_seconds >= 600 && var.pipeline_job_timeout_seconds <= 172800
    error_message = "pipeline_job_timeout_seconds must be between 600 and 172800."
  }
}

variable "maintenance_job_timeout_seconds" {
  description = "Timeout of a whole maintenance run, retries included, in seconds. A run longer than half of it raises the RUN_DURATION_SECONDS health warning."
  type        = number
  default     = 21600

  validation {
    condition     = var.maintenance_job_timeout_seconds >= 600 && var.maintenance_job_timeout_seconds <= 172800
    error_message = "maintenance_job_timeout_seconds must be between 600 and 172800."
  }
}

variable "notification_emails" {
  description = "Addresses e-mailed when a job run fails. Empty = no e-mail notifications."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for e in var.notification_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "notification_emails must contain e-mail addresses only."
  }
}
