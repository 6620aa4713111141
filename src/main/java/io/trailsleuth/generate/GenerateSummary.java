package io.trailsleuth.generate;

/**
 * What a generate run wrote.
 *
 * @param events records written, story included
 * @param storyEvents records that belong to the scenario's story
 * @param logFiles log files written
 * @param digestFiles digest files written
 * @param otherFiles stray non-log files written
 */
public record GenerateSummary(long events, long storyEvents, int logFiles, int digestFiles, int otherFiles) {}
