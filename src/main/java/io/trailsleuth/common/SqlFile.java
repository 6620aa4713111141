package io.trailsleuth.common;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One SQL statement from {@code queries/}, with its header.
 *
 * @param id unique id, from {@code -- id:}
 * @param title short title
 * @param description one line on what it answers
 * @param params names of the bind parameters it takes, in the order they are declared
 * @param optionalParams the parameters that may be left out, bound as NULL ({@code -- optional: a, b}); every other
 *     parameter must be given a value
 * @param sql the statement text, with {@code $name} parameter markers
 * @param resource where it was loaded from
 * @param view true when the statement is also installed as a view named by its id
 * @param materialized true when the analysis computes that view once, into a temporary table of the same name that
 *     the later views then read ({@code -- materialize: true}): for views that several later ones read
 * @param macroParameters the parameters of a table macro named by its id ({@code -- macro: a, b}), installed beside
 *     the views for the queries that call it with arguments; empty when the statement is not a macro
 */
public record SqlFile(String id, String title, String description, List<String> params,
    List<String> optionalParams, String sql, String resource,
    boolean view, boolean materialized, List<String> macroParameters) {
  public SqlFile {
    requireNonNull(id, "id is null");
    requireNonNull(title, "title is null");
    requireNonNull(description, "description is null");
    params = List.copyOf(params);
    optionalParams = List.copyOf(optionalParams);
    macroParameters = List.copyOf(macroParameters);
    requireNonNull(sql, "sql is null");
    requireNonNull(resource, "resource is null");
  }

  /** True when the statement is installed as a table macro, which a query calls as {@code id(arguments)}. */
  public boolean macro() {
    return !macroParameters.isEmpty();
  }

  /** How a query calls the macro, with a placeholder for each argument: {@code id(<a>, <b>)}. */
  public String call() {
    return id + "(" + String.join(", ", macroParameters.stream().map(name -> "<" + name + ">").toList()) + ")";
  }
}
