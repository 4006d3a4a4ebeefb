output "resource_group_name" {
  description = "Resource group holding the workspace and the lake."
  value       = azurerm_resource_group.this.name
}

output "databricks_workspace_url" {
  description = "URL of the Databricks workspace."
  value       = "https://${azurerm_databricks_workspace.this.workspace_url}"
}

output "databricks_workspace_id" {
  description = "Azure resource id of the Databricks workspace."
  value       = azurerm_databricks_workspace.this.id
}

output "job_ids" {
  description = "Databricks job ids, by job."
  value = {
    ingest        = databricks_job.ingest.id
    ingest_export = databricks_job.ingest_export.id
    pipeline      = databricks_job.pipeline.id
    maintenance   = databricks_job.maintenance.id
  }
}

output "job_urls" {
  description = "Links to the jobs in the workspace UI."
  value = {
    ingest        = databricks_job.ingest.url
    ingest_export = databricks_job.ingest_export.url
    pipeline      = databricks_job.pipeline.url
    maintenance   = databricks_job.maintenance.url
  }
}

output "storage_account_name" {
  description = "Name of the ADLS Gen2 storage account."
  value       = azurerm_storage_account.lake.name
}

output "lake_filesystem_name" {
  description = "Name of the lake's ADLS Gen2 filesystem."
  value       = azurerm_storage_container.lake.name
}

output "lake_root_uri" {
  description = "Lake root the jobs receive as --lake."
  value       = local.lake_root_uri
}

output "jar_volume_path" {
  description = "Unity Catalog volume path of the uploaded shaded JAR."
  value       = databricks_file.jar.path
}

output "uc_catalog_name" {
  description = "Unity Catalog catalog of the lake's tables."
  value       = databricks_catalog.lake.name
}

output "uc_schema_name" {
  description = "Schema of the lake's tables: query them as <catalog>.<schema>.<table>."
  value       = databricks_schema.movies.name
}

output "service_principal_client_id" {
  description = "Application id of the Databricks-managed service principal the jobs run as."
  value       = databricks_service_principal.runner.application_id
}

output "secret_scope_name" {
  description = "Key Vault-backed Databricks secret scope exposing tmdb-api-token and ratings-hmac-key."
  value       = databricks_secret_scope.this.name
}

output "key_vault_name" {
  description = "Key Vault holding the secrets (names only here; values never leave the vault through Terraform)."
  value       = azurerm_key_vault.secrets.name
}

output "landing_uri" {
  description = "Where to drop rating files for the ratings task (read-only for the jobs)."
  value       = local.landing_uri
}

output "reports_volume_path" {
  description = "Unity Catalog volume folder of the HTML reports: <path>/<run date>.html."
  value       = local.reports_dir
}

output "dashboard_url" {
  description = "Link to the AI/BI dashboard."
  value       = "https://${azurerm_databricks_workspace.this.workspace_url}/dashboardsv3/${databricks_dashboard.movie_status.id}"
}
