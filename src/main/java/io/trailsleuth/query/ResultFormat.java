package io.trailsleuth.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.common.JsonControlEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/** The output formats of query results. */
public enum ResultFormat {
  TABLE,
  CSV,
  JSON,
  MARKDOWN;

  /** Renders a result; the text ends with a newline. */
  public String render(ResultTable table) {
    return switch (this) {
      case TABLE -> table(table);
      case CSV -> csv(table);
      case JSON -> json(table);
      case MARKDOWN -> markdown(table);
    };
  }

  private static String table(ResultTable table) {
    int[] widths = new int[table.columns().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = table.columns().get(i).length();
      for (List<String> row : table.rows()) {
        widths[i] = Math.max(widths[i], Math.min(80, cell(row.get(i)).length()));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, table.columns(), widths);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.append(rule).append('\n');
    for (List<String> row : table.rows()) {
      line(out, row, widths);
    }
    out.append("(").append(table.rows().size()).append(table.rows().size() == 1 ? " row)" : " rows)").append('\n');
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> values, int[] widths) {
    for (int i = 0; i < widths.length; i++) {
      String value = cell(values.get(i));
      if (value.length() > 80) {
        value = value.substring(0, 79) + "…";
      }
      out.append(i == 0 ? "" : " | ").append(value).append(" ".repeat(Math.max(0, widths[i] - value.length())));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  private static String cell(String value) {
    if (value == null) {
      return "NULL";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString();
  }

  private static String csv(ResultTable table) {
    StringBuilder out = new StringBuilder();
    csvLine(out, table.columns());
    table.rows().forEach(row -> csvLine(out, row));
    return out.toString();
  }

  private static void csvLine(StringBuilder out, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (i > 0) {
        out.append(',');
      }
      if (value == null) {
        continue;
      }
      boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
          || value.indexOf('\r') >= 0;
      out.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
    }
    out.append("\r\n");
  }

  private static String json(ResultTable table) {
    StringWriter writer = new StringWriter();
    try (JsonGenerator generator = new ObjectMapper().getFactory().createGenerator(writer)
        .setCharacterEscapes(JsonControlEscapes.INSTANCE)) {
      generator.writeStartArray();
      for (List<String> row : table.rows()) {
        generator.writeStartObject();
        for (int i = 0; i < row.size(); i++) {
          table.kinds().get(i).writeField(generator, table.columns().get(i), row.get(i));
        }
        generator.writeEndObject();
      }
      generator.writeEndArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return writer + "\n";
  }

  private static String markdown(ResultTable table) {
    StringBuilder out = new StringBuilder();
    out.append(markdownRow(table.columns()));
    out.append("|").append(" --- |".repeat(table.columns().size())).append('\n');
    table.rows().forEach(row -> out.append(markdownRow(row)));
    return out.toString();
  }

  private static String markdownRow(List<String> values) {
    StringBuilder out = new StringBuilder("|");
    for (String value : values) {
      out.append(' ').append(value == null ? "" : io.trailsleuth.common.MarkdownText.cell(value)).append(" |");
    }
    return out.append('\n').toString();
  }
}
