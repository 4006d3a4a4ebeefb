# Unity Catalog: how Databricks reaches the lake, where the tables are named, where the JAR and the
# reports live. Every object is owned by var.owners_group, ISOLATED and bound to this workspace
# only (dev and prod may share a metastore per region; neither sees the other's objects).
#
#   access connector (system-assigned managed identity)
#     └─ Storage Blob Data Contributor on the lake container only
#   storage credential ──▶ external location lake     <container>/<lake_root_dir>/  jobs: READ/WRITE FILES, CREATE EXTERNAL TABLE
#                      ──▶ external location landing  <container>/<landing_dir>/    read-only; jobs: READ FILES
#                      ──▶ external location managed  <container>/unity-catalog/    the catalog's managed storage; no job grant
#   catalog <uc_catalog_name> (managed storage: <container>/unity-catalog)
#     └─ schema <uc_schema_name>: the jobs register every lake table here as an external Delta table
#          ├─ volume artifacts: the shaded JAR (jobs: READ VOLUME)
#          └─ volume reports: the HTML reports (jobs: READ/WRITE VOLUME; analysts: READ VOLUME)
#
# Prerequisite: the workspace is assigned to a Unity Catalog metastore, var.owners_group is an
# account-level group, and the deploying identity is a member of it with CREATE STORAGE
# CREDENTIAL, CREATE EXTERNAL LOCATION and CREATE CATALOG on the metastore. See README.

resource "azurerm_databricks_access_connector" "lake" {
  name                = "${local.base_name}-uc-connector"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location

  identity {
    type = "SystemAssigned"
  }

  tags = local.tags
}

# Least privilege: data access on the lake container only, not on the whole account. Which prefix
# is read-only or writable for whom is Unity Catalog's part (the external locations below).
resource "azurerm_role_assignment" "connector_lake_contributor" {
  scope                = azurerm_storage_container.lake.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_databricks_access_connector.lake.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

locals {
  uc_catalog_name = coalesce(var.uc_catalog_name, replace(local.base_name, "-", "_"))
  uc_schema_name  = var.uc_schema_name

  workspace_id = azurerm_databricks_workspace.this.workspace_id
}

# isolation_mode values: ISOLATION_MODE_ISOLATED for storage credentials and external locations,
# ISOLATED for catalogs. https://registry.terraform.io/providers/databricks/databricks/1.128.0/docs/resources/workspace_binding
resource "databricks_storage_credential" "lake" {
  name           = "${local.base_name}-lake"
  comment        = "Access connector of the movie-status lake (managed by Terraform)."
  owner          = var.owners_group
  isolation_mode = "ISOLATION_MODE_ISOLATED"

  azure_managed_identity {
    access_connector_id = azurerm_databricks_access_connector.lake.id
  }

  # The external locations validate the connector's access when they are created: wait until its
  # role assignment has propagated.
  depends_on = [time_sleep.rbac_propagation]
}

# https://registry.terraform.io/providers/databricks/databricks/1.128.0/docs/resources/external_location
resource "databricks_external_location" "lake" {
  name            = "${local.base_name}-lake"
  url             = "${local.lake_root_uri}/"
  credential_name = databricks_storage_credential.lake.name
  owner           = var.owners_group
  isolation_mode  = "ISOLATION_MODE_ISOLATED"
  comment         = "The movie-status lake: bronze, silver, gold, _state (managed by Terraform)."

  depends_on = [azurerm_storage_data_lake_gen2_path.lake_root]
}

resource "databricks_external_location" "landing" {
  name            = "${local.base_name}-landing"
  url             = "${local.landing_uri}/"
  credential_name = databricks_storage_credential.lake.name
  owner           = var.owners_group
  isolation_mode  = "ISOLATION_MODE_ISOLATED"
  read_only       = true
  comment         = "Rating files dropped for the ratings task; read-only (managed by Terraform)."

  depends_on = [azurerm_storage_data_lake_gen2_path.landing]
}

resource "databricks_external_location" "managed" {
  name            = "${local.base_name}-managed"
  url             = "${local.managed_uri}/"
  credential_name = databricks_storage_credential.lake.name
  owner           = var.owners_group
  isolation_mode  = "ISOLATION_MODE_ISOLATED"
  comment         = "Managed storage of the movie-status catalog (volumes); no job grant (managed by Terraform)."
}

# https://registry.terraform.io/providers/databricks/databricks/1.128.0/docs/resources/catalog
resource "databricks_catalog" "lake" {
  name           = local.uc_catalog_name
  comment        = "movie-status tables (managed by Terraform)."
  storage_root   = local.managed_uri
  owner          = var.owners_group
  isolation_mode = "ISOLATED"
  force_destroy  = var.uc_force_destroy

  # Destroyed before the locations: its schema's tables live under them.
  depends_on = [
    databricks_external_location.managed,
    databricks_external_location.lake,
    databricks_external_location.landing,
  ]
}

resource "databricks_schema" "movies" {
  catalog_name  = databricks_catalog.lake.name
  name          = local.uc_schema_name
  owner         = var.owners_group
  force_destroy = var.uc_force_destroy
  comment       = "The lake's silver, gold and state tables, registered by the jobs as external Delta tables."
}

# Bindings: this workspace only (creating an ISOLATED object binds its own workspace; these make it
# explicit and keep it bound).
locals {
  workspace_bindings = {
    catalog            = { type = "catalog", name = databricks_catalog.lake.name }
    storage_credential = { type = "storage_credential", name = databricks_storage_credential.lake.name }
    lake               = { type = "external_location", name = databricks_external_location.lake.name }
    landing            = { type = "external_location", name = databricks_external_location.landing.name }
    managed            = { type = "external_location", name = databricks_external_location.managed.name }
  }
}

resource "databricks_workspace_binding" "this" {
  for_each = local.workspace_bindings

  workspace_id   = local.workspace_id
  securable_type = each.value.type
  securable_name = each.value.name
  binding_type   = "BINDING_TYPE_READ_WRITE"
}

# ---------------------------------------------------------------------------------------------------
# Volumes, in the catalog's managed storage.
# - artifacts: the JAR. Only the owners group writes it; the job principal gets READ VOLUME. (A
#   workspace folder such as /Workspace/Shared gives every user Can Manage, so anyone could replace
#   the JAR and run code as the service principal.)
# - reports: the pipeline's report task writes <date>.html here; analysts read it.
# ---------------------------------------------------------------------------------------------------

resource "databricks_volume" "artifacts" {
  name         = "artifacts"
  catalog_name = databricks_catalog.lake.name
  schema_name  = databricks_schema.movies.name
  volume_type  = "MANAGED"
  owner        = var.owners_group
  comment      = "The movie-status job JAR; written by Terraform only."
}

resource "databricks_volume" "reports" {
  name         = "reports"
  catalog_name = databricks_catalog.lake.name
  schema_name  = databricks_schema.movies.name
  volume_type  = "MANAGED"
  owner        = var.owners_group
  comment      = "The movie-status HTML reports, one <run date>.html per pipeline run (ReportJob)."
}

locals {
  reports_dir = "/Volumes/${databricks_catalog.lake.name}/${databricks_schema.movies.name}/${databricks_volume.reports.name}"
}

# A changed JAR (new hash) replaces the volume file; job clusters fetch the library at every start,
# so the next run uses it.
resource "terraform_data" "jar_md5" {
  input = local.jar_exists ? filemd5(local.jar_source) : "missing"
}

# The JAR of var.spark_version's line (databricks_runtime.tf); a JAR of the other line fails the
# plan here, before anything is created. Named after its file, so switching lines uploads a new file.
resource "databricks_file" "jar" {
  path   = "/Volumes/${databricks_catalog.lake.name}/${databricks_schema.movies.name}/${databricks_volume.artifacts.name}/${local.jar_file}"
  source = local.jar_source

  lifecycle {
    replace_triggered_by = [terraform_data.jar_md5]

    precondition {
      condition     = local.jar_line == local.runtime_line
      error_message = "spark_version ${var.spark_version} is ${local.runtime_line.name} (Spark ${local.runtime_line.spark}, Scala ${local.runtime_line.scala}) and needs ${local.runtime_line.jar_file}; jar_path is ${local.jar_file}, built for Spark ${local.jar_line.spark} / Scala ${local.jar_line.scala}."
    }

    precondition {
      condition     = local.jar_exists
      error_message = "The shaded JAR was not found at ${local.jar_source}. Build it first from the repository root: ${local.runtime_line.build}"
    }
  }
}

# ---------------------------------------------------------------------------------------------------
# Grants (authoritative: each block lists every grant on its object; owners hold every privilege
# through ownership). The job principal writes only under the lake's prefix, reads the landing
# prefix, creates the tables, reads the JAR and writes the reports; the analysts group, when set,
# reads the tables and the reports.
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

resource "databricks_grants" "landing" {
  external_location = databricks_external_location.landing.id

  grant {
    principal  = local.runner_id
    privileges = ["READ_FILES"]
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

resource "databricks_grants" "reports" {
  volume = databricks_volume.reports.id

  grant {
    principal  = local.runner_id
    privileges = ["READ_VOLUME", "WRITE_VOLUME"]
  }

  dynamic "grant" {
    for_each = local.analysts
    content {
      principal  = grant.value
      privileges = ["READ_VOLUME"]
    }
  }
}
