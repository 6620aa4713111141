package io.trailsleuth.query;

/** A query was given a parameter it does not take, or not given one it needs. */
public final class QueryParameterException extends IllegalArgumentException {
  public QueryParameterException(String message) {
    super(message);
  }
}
