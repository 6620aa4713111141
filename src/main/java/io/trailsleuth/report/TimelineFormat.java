package io.trailsleuth.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.analysis.Via;
import io.trailsleuth.common.JsonControlEscapes;
import io.trailsleuth.query.ResultFormat;
import io.trailsleuth.query.ResultTable;
import io.trailsleuth.query.ValueKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Renders the timeline query's rows: as a table, markdown or CSV, as JSON Lines, or as Timesketch JSON Lines. */
public enum TimelineFormat {
  TABLE,
  MARKDOWN,
  CSV,
  JSONL,
  TIMESKETCH;

  private static final List<String> SHOWN = List.of("event_time", "end_time", "account_id", "aws_region", "kind",
      "event_name", "role_name", "function_name", "actor", "via", "events", "detail", "error_code", "event_id");

  /** The rows in this format; the text ends with a newline. */
  public String render(ResultTable rows) {
    ResultTable withVia = addVia(rows);
    return switch (this) {
      case TABLE -> ResultFormat.TABLE.render(select(withVia, SHOWN));
      case MARKDOWN -> ResultFormat.MARKDOWN.render(select(withVia, SHOWN));
      case CSV -> ResultFormat.CSV.render(withVia);
      case JSONL -> jsonLines(withVia, false);
      case TIMESKETCH -> jsonLines(withVia, true);
    };
  }

  private static ResultTable addVia(ResultTable rows) {
    List<String> columns = new ArrayList<>(rows.columns());
    List<ValueKind> kinds = new ArrayList<>(rows.kinds());
    int agent = columns.indexOf("user_agent");
    int invoker = columns.indexOf("invoked_by");
    int console = columns.indexOf("session_credential_from_console");
    columns.add("via");
    kinds.add(ValueKind.TEXT);
    List<List<String>> values = new ArrayList<>();
    for (List<String> row : rows.rows()) {
      List<String> copy = new ArrayList<>(row);
      boolean isChange = List.of("role", "function", "policy").contains(row.get(columns.indexOf("kind")));
      copy.add(isChange ? Via.classify(row.get(agent), row.get(invoker), null, "true".equals(row.get(console))).label() : null);
      values.add(copy);
    }
    return new ResultTable(columns, kinds, values);
  }

  private static ResultTable select(ResultTable rows, List<String> names) {
    List<Integer> indexes = names.stream().map(rows.columns()::indexOf).toList();
    List<List<String>> values = new ArrayList<>();
    for (List<String> row : rows.rows()) {
      values.add(indexes.stream().map(row::get).toList());
    }
    return new ResultTable(names, indexes.stream().map(rows.kinds()::get).toList(), values);
  }

  private static String jsonLines(ResultTable rows, boolean timesketch) {
    StringWriter out = new StringWriter();
    ObjectMapper mapper = new ObjectMapper();
    try {
      for (List<String> row : rows.rows()) {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)
            .setCharacterEscapes(JsonControlEscapes.INSTANCE)) {
          json.writeStartObject();
          if (timesketch) {
            json.writeStringField("message", message(rows.columns(), row));
            json.writeStringField("datetime", row.get(rows.columns().indexOf("event_time")));
            json.writeStringField("timestamp_desc", "Event Time");
          }
          for (int i = 0; i < row.size(); i++) {
            rows.kinds().get(i).writeField(json, rows.columns().get(i), row.get(i));
          }
          json.writeEndObject();
        }
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String message(List<String> columns, List<String> row) {
    String subject = row.get(columns.indexOf("function_name")) != null ? row.get(columns.indexOf("function_name"))
        : row.get(columns.indexOf("role_name"));
    String detail = row.get(columns.indexOf("detail"));
    return row.get(columns.indexOf("event_name")) + " " + (subject == null ? "" : subject)
        + (detail == null ? "" : ": " + detail);
  }
}
