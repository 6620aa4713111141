package io.trailsleuth.model;

import java.util.List;

/**
 * Columns of the {@code snapshots} table: one row per item of a point-in-time snapshot (an AWS CLI output or an AWS
 * Config file), with the item as JSON and the typed fields the analysis joins on.
 */
public enum SnapshotColumn implements TableColumn {
  RUN_ID("run_id", ColumnType.STRING),
  SOURCE_FILE("source_file", ColumnType.STRING),
  SOURCE_SHA256("source_sha256", ColumnType.STRING),
  ITEM_INDEX("item_index", ColumnType.BIGINT),
  KIND("kind", ColumnType.STRING),
  ITEM_TYPE("item_type", ColumnType.STRING),
  ITEM("item", ColumnType.JSON),
  ACCOUNT_ID("account_id", ColumnType.STRING),
  REGION("region", ColumnType.STRING),
  CAPTURED_AT("captured_at", ColumnType.TIMESTAMP),
  ROLE_NAME("role_name", ColumnType.STRING),
  ROLE_ID("role_id", ColumnType.STRING),
  ROLE_ARN("role_arn", ColumnType.STRING),
  ROLE_CREATED_AT("role_created_at", ColumnType.TIMESTAMP),
  ROLE_DELETED("role_deleted", ColumnType.BOOLEAN),
  FUNCTION_NAME("function_name", ColumnType.STRING),
  FUNCTION_ARN("function_arn", ColumnType.STRING),
  FUNCTION_ROLE_ARN("function_role_arn", ColumnType.STRING),
  FUNCTION_KEY_ARN("function_key_arn", ColumnType.STRING),
  KEY_ARN("key_arn", ColumnType.STRING),
  KEY_MANAGER("key_manager", ColumnType.STRING),
  GRANT_ID("grant_id", ColumnType.STRING),
  GRANTEE_PRINCIPAL("grantee_principal", ColumnType.STRING),
  GRANTEE_ROLE_ID("grantee_role_id", ColumnType.STRING),
  GRANTEE_SESSION("grantee_session", ColumnType.STRING),
  GRANT_FUNCTION_ARN("grant_function_arn", ColumnType.STRING),
  GRANT_CREATED_AT("grant_created_at", ColumnType.TIMESTAMP);

  /** All columns in table order. */
  public static final List<SnapshotColumn> ALL = List.of(values());

  private final String columnName;
  private final ColumnType type;

  SnapshotColumn(String columnName, ColumnType type) {
    this.columnName = columnName;
    this.type = type;
  }

  @Override
  public String columnName() {
    return columnName;
  }

  @Override
  public ColumnType type() {
    return type;
  }
}
