# Unity Catalog: how Databricks reaches the lake, where the tables are named, where the JAR lives.
#
#   access connector (system-assigned managed identity)
#     └─ Storage Blob Data Contributor on the lake filesystem (container) only
#   storage credential  ──▶  external location abfss://<filesystem>@<account>.dfs.core.windows.net/
#   catalog <uc_catalog_name> (managed storage: <filesystem>/unity-catalog)
#     └─ schema <uc_schema_name>: the jobs register every lake table here as an external Delta table
#          └─ volume artifacts: the shaded JAR (only the deployer can write it)
#
# Prerequisite: the workspace is assigned to a Unity Catalog metastore (new workspaces are, where the
# account has automatic enablement) and the deploying identity may create storage credentials and
# external locations (metastore admin, or CREATE STORAGE CREDENTIAL / CREATE EXTERNAL LOCATION on the
# metastore). See README.

resource "azurerm_databricks_access_connector" "lake" {
  name                = "${local.base_name}-uc-connector"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location

  identity {
    type = "SystemAssigned"
  }

  tags = local.tags
}

# Least privilege: data access on the lake filesystem (container) only, not on the whole account.
# azurerm_storage_data_lake_gen2_filesystem exports a data-plane URL as its id, so the filesystem's
# resource-manager id is assembled here.
resource "azurerm_role_assignment" "connector_lake_contributor" {
  scope                = "${azurerm_storage_account.lake.id}/blobServices/default/containers/${azurerm_storage_data_lake_gen2_filesystem.lake.name}"
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_databricks_access_connector.lake.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

locals {
  uc_catalog_name = coalesce(var.uc_catalog_name, replace(local.base_name, "-", "_"))
  uc_schema_name  = var.uc_schema_name

  lake_container_uri = "abfss://${azurerm_storage_data_lake_gen2_filesystem.lake.name}@${local.lake_dfs_host}"
}

resource "databricks_storage_credential" "lake" {
  name    = "${local.base_name}-lake"
  comment = "Access connector of the movie-status lake (managed by Terraform)."

  azure_managed_identity {
    access_connector_id = azurerm_databricks_access_connector.lake.id
  }

  depends_on = [azurerm_role_assignment.connector_lake_contributor]
}

resource "databricks_external_location" "lake" {
  name            = "${local.base_name}-lake"
  url             = "${local.lake_container_uri}/"
  credential_name = databricks_storage_credential.lake.name
  comment         = "The movie-status lake filesystem (managed by Terraform)."
}

resource "databricks_catalog" "lake" {
  name         = local.uc_catalog_name
  comment      = "movie-status tables (managed by Terraform)."
  storage_root = "${local.lake_container_uri}/unity-catalog"

  depends_on = [databricks_external_location.lake]
}

resource "databricks_schema" "movies" {
  catalog_name = databricks_catalog.lake.name
  name         = local.uc_schema_name
  comment      = "The lake's silver, gold and state tables, registered by the jobs as external Delta tables."
}

# ---------------------------------------------------------------------------------------------------
# The JAR, in a managed volume: the deployer owns it and is the only writer; the job principal gets
# READ VOLUME. (A workspace folder such as /Workspace/Shared gives every user Can Manage, so anyone
# could replace the JAR and run code as the service principal.)
# ---------------------------------------------------------------------------------------------------

resource "databricks_volume" "artifacts" {
  name         = "artifacts"
  catalog_name = databricks_catalog.lake.name
  schema_name  = databricks_schema.movies.name
  volume_type  = "MANAGED"
  comment      = "The movie-status job JAR; written by Terraform only."
}

locals {
  jar_source = startswith(var.jar_path, "/") ? var.jar_path : "${path.module}/${var.jar_path}"
  jar_exists = fileexists(local.jar_source)
}

# A changed JAR (new hash) replaces the volume file; job clusters fetch the library at every start,
# so the next run uses it.
resource "terraform_data" "jar_md5" {
  input = local.jar_exists ? filemd5(local.jar_source) : "missing"
}

resource "databricks_file" "jar" {
  path   = "/Volumes/${databricks_catalog.lake.name}/${databricks_schema.movies.name}/${databricks_volume.artifacts.name}/${basename(var.jar_path)}"
  source = local.jar_source

  lifecycle {
    replace_triggered_by = [terraform_data.jar_md5]

    precondition {
      condition     = local.jar_exists
      error_message = "The shaded JAR was not found at ${local.jar_source}. Build it first from the repository root: ./mvnw -B package -DskipTests"
    }
  }
}

# ---------------------------------------------------------------------------------------------------
# Grants (authoritative: each block lists every grant on its object). The job principal reads and
# writes the lake and creates the tables; the analysts group, when set, reads the tables.
# ---------------------------------------------------------------------------------------------------

locals {
  runner_id = databricks_service_principal.runner.application_id
  analysts  = var.analysts_group == "" ? [] : [var.analysts_group]
}

resource "databricks_grants" "external_location" {
  external_location = databricks_external_location.lake.id

  grant {
    principal  = local.runner_id
    privileges = ["READ_FILES", "WRITE_FILES", "CREATE_EXTERNAL_TABLE"]
  }
}

resource "databricks_grants" "catalog" {
  catalog = databricks_catalog.lake.name

  grant {
    principal  = local.runner_id
    privileges = ["USE_CATALOG"]
  }

  dynamic "grant" {
    for_each = local.analysts
    content {
      principal  = grant.value
      privileges = ["USE_CATALOG"]
    }
  }
}

resource "databricks_grants" "schema" {
  schema = databricks_schema.movies.id

  grant {
    principal  = local.runner_id
    privileges = ["USE_SCHEMA", "CREATE_TABLE", "SELECT", "MODIFY"]
  }

  dynamic "grant" {
    for_each = local.analysts
    content {
      principal  = grant.value
      privileges = ["USE_SCHEMA", "SELECT"]
    }
  }
}

resource "databricks_grants" "artifacts" {
  volume = databricks_volume.artifacts.id

  grant {
    principal  = local.runner_id
    privileges = ["READ_VOLUME"]
  }
}
