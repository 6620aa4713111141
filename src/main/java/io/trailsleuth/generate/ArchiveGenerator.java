package io.trailsleuth.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a CloudTrail organisation-trail archive: a log file per account, region and 15-minute window, an hourly
 * digest chain per account and region, and one stray file. Streams file by file, so memory stays flat; every random
 * choice comes from the seed, so the same options give the same bytes.
 */
public final class ArchiveGenerator {
  private static final long WINDOW_SECONDS = 900;

  private final GenerateOptions options;
  private final SplittableRandom random;
  private final NoiseRecords noise;
  private final List<PlacedRecord> story;
  private final TreeMap<Integer, List<PlacedRecord>> storyBySlot = new TreeMap<>();
  private final List<DigestChain> chains = new ArrayList<>();
  private long events;
  private int logFiles;

  private ArchiveGenerator(GenerateOptions options) {
    this.options = options;
    this.random = new SplittableRandom(options.seed());
    UniqueIds unique = new UniqueIds(options.seed());
    SplittableRandom storyRandom = random.split();
    this.story = options.scenario() == Scenario.RECREATED_ROLE
        ? RecreatedRoleStory.build(storyRandom, unique, options.start(), options.end())
        : List.of();
    this.noise = new NoiseRecords(new NoiseActors(random.split(), unique));
    for (PlacedRecord record : story) {
      storyBySlot.computeIfAbsent(slot(record), slot -> new ArrayList<>()).add(record);
    }
  }

  /** Generates the archive under {@code options.out()}, which must not already hold an AWSLogs folder. */
  public static GenerateSummary generate(GenerateOptions options) throws IOException {
    if (Files.exists(options.out().resolve("AWSLogs"))) {
      throw new IllegalArgumentException(options.out() + " already holds AWSLogs/; remove it or choose another --out");
    }
    return new ArchiveGenerator(options).run();
  }

  private GenerateSummary run() throws IOException {
    if (story.size() > options.events()) {
      throw new IllegalArgumentException("the " + options.scenario().cliName() + " story alone has " + story.size()
          + " records: use --events " + story.size() + " or more");
    }
    int windows = (int) (Duration.between(options.start(), options.end()).getSeconds() / WINDOW_SECONDS);
    List<TrailStream> streams = TrailStream.ALL;
    NoiseAllocation allocation = new NoiseAllocation(random.split(), options.start(), windows, WINDOW_SECONDS,
        streams, options.events() - story.size());
    RandomIds digestIds = new RandomIds(random.split());
    for (TrailStream stream : streams) {
      chains.add(new DigestChain(options.out(), stream, digestIds.hex(32), digestIds));
    }
    for (int window = 0; window < windows; window++) {
      for (int index = 0; index < streams.size(); index++) {
        int slot = window * streams.size() + index;
        writeSlot(window, streams.get(index), chains.get(index), allocation.nextCount(),
            storyBySlot.getOrDefault(slot, List.of()));
      }
    }
    int digests = 0;
    for (DigestChain chain : chains) {
      chain.flush();
      digests += chain.written();
    }
    writeJunk();
    return new GenerateSummary(events, story.size(), logFiles, digests, 1);
  }

  private void writeSlot(int window, TrailStream stream, DigestChain chain, long noiseCount,
      List<PlacedRecord> storyRecords) throws IOException {
    RandomIds ids = new RandomIds(random.split());
    if (noiseCount + storyRecords.size() == 0) {
      return;
    }
    Instant windowStart = options.start().plusSeconds(window * WINDOW_SECONDS);
    long[] offsets = new long[Math.toIntExact(noiseCount)];
    for (int index = 0; index < offsets.length; index++) {
      offsets[index] = ids.between(0, (int) WINDOW_SECONDS - 1);
    }
    Arrays.sort(offsets);
    Instant delivered = windowStart.plusSeconds(WINDOW_SECONDS + 60L * ids.between(0, 4));
    String key = ArchiveLayout.logKey(stream, delivered, ids.alphanumeric(16));
    try (LogFileWriter writer = new LogFileWriter(options.out(), key)) {
      int storyIndex = 0;
      for (long offset : offsets) {
        Instant time = windowStart.plusSeconds(offset);
        while (storyIndex < storyRecords.size() && !storyRecords.get(storyIndex).time().isAfter(time)) {
          PlacedRecord record = storyRecords.get(storyIndex++);
          writer.append(record.time(), record.record());
        }
        writer.append(time, noise.build(stream, time, ids));
      }
      for (; storyIndex < storyRecords.size(); storyIndex++) {
        writer.append(storyRecords.get(storyIndex).time(), storyRecords.get(storyIndex).record());
      }
      writer.close();
      chain.add(writer.entry(), delivered);
    }
    events += noiseCount + storyRecords.size();
    logFiles++;
  }

  private int slot(PlacedRecord record) {
    long window = Duration.between(options.start(), record.time()).getSeconds() / WINDOW_SECONDS;
    return Math.toIntExact(window * TrailStream.ALL.size() + TrailStream.ALL.indexOf(record.stream()));
  }

  private void writeJunk() throws IOException {
    Instant day = options.days() > 1 ? options.start().plus(Duration.ofDays(1)) : options.start();
    Path junk = options.out().resolve(ArchiveLayout.junkKey(day));
    Files.createDirectories(junk.getParent());
    Files.writeString(junk, "copied from the org bucket for the billing-worker postmortem; ask bob before deleting\n",
        StandardCharsets.UTF_8);
  }
}
