package io.trailsleuth.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store's marker file, {@code trailsleuth-store.json}, and what its format version means. Version 1 stores have no
 * commit markers: every run directory in them was published by one rename and is read as committed. From version 2 a
 * run is part of the store only when its {@link RunCommit} marker is there and matches its files. From version 3 the
 * runs' focus-events tables leave out the raw {@code userIdentity} ({@link DerivedTable#leftOutColumns}). From version 4
 * a run's events are written as files directly under {@code events/} ({@link EventFileLayout}), not partitioned by date into
 * {@code events/event_date=YYYY-MM-DD/}; readers compute {@code event_date} from {@code event_time} for every version
 * alike. An ingest into an older store writes its runs as that version does, so every run of a store has the same
 * layout and tables.
 */
public final class StoreFormat {
  /** Runs published by a directory rename alone, without commit markers. */
  public static final int WITHOUT_COMMIT_MARKERS = 1;
  /** Focus events without the raw userIdentity JSON. */
  public static final int FOCUS_EVENTS_WITHOUT_RAW_IDENTITY = 3;
  /** Event files directly under the run's {@code events/}, without date partitions. */
  public static final int EVENTS_WITHOUT_DATE_PARTITIONS = 4;
  /**
   * The version new stores get: every run has a commit marker, written last, slimmer focus events, and event files
   * without date partitions.
   */
  public static final int CURRENT = EVENTS_WITHOUT_DATE_PARTITIONS;
  private static final String FORMAT = "trailsleuth-case-store";

  private StoreFormat() {}

  /** The marker file's text for a version. */
  public static String content(int version) {
    return "{\"format\": \"" + FORMAT + "\", \"version\": " + version + "}\n";
  }

  /** The version a marker file's text declares; refuses a damaged marker and a version newer than this program's. */
  public static int version(String content, String location) {
    JsonNode marker;
    try {
      marker = new ObjectMapper().readTree(content);
    } catch (JsonProcessingException e) {
      throw new StoreException(location + " is damaged (not JSON: " + e.getOriginalMessage()
          + "); it should read " + content(CURRENT).strip());
    }
    if (marker == null || !FORMAT.equals(marker.path("format").asText()) || !marker.path("version").canConvertToInt()
        || marker.path("version").asInt() < 1) {
      throw new StoreException(location + " is not a trailsleuth store marker (expected a format of " + FORMAT
          + " and a version number)");
    }
    int version = marker.path("version").asInt();
    if (version > CURRENT) {
      throw new StoreException(location + " declares store format version " + version + "; this trailsleuth reads "
          + "versions 1 to " + CURRENT + ". Use the trailsleuth release that wrote the store, or a newer one.");
    }
    return version;
  }

  /** The version of a local store; a store whose marker is not written yet is taken as a new one. */
  public static int version(Path marker) throws IOException {
    if (!Files.exists(marker)) {
      return CURRENT;
    }
    return version(Files.readString(marker, StandardCharsets.UTF_8), marker.toString());
  }
}
