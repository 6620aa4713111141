package io.trailsleuth.query;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.sql.Types;
import java.util.regex.Pattern;

/** What a result column holds, so that JSON output writes numbers as numbers and booleans as booleans. */
public enum ValueKind {
  TEXT,
  NUMBER,
  BOOLEAN;

  /** JSON's number grammar; anything else a numeric column renders (NaN, Infinity) is written as a string. */
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  /** The kind of a JDBC column type. */
  public static ValueKind of(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
          Types.NUMERIC, Types.DECIMAL -> NUMBER;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      default -> TEXT;
    };
  }

  /** Writes one field of this kind; null is JSON null. */
  public void writeField(JsonGenerator json, String name, String value) throws IOException {
    json.writeFieldName(name);
    if (value == null) {
      json.writeNull();
      return;
    }
    switch (this) {
      case NUMBER -> {
        if (JSON_NUMBER.matcher(value).matches()) {
          json.writeNumber(value);
        } else {
          json.writeString(value);
        }
      }
      case BOOLEAN -> json.writeBoolean(Boolean.parseBoolean(value));
      case TEXT -> json.writeString(value);
    }
  }
}
