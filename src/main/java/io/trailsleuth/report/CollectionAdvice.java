package io.trailsleuth.report;

import static io.trailsleuth.report.Remedies.shell;

import io.trailsleuth.analysis.Breakage;
import io.trailsleuth.analysis.Evidence;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What to collect to close an evidence gap: for each missing-evidence code, the exact commands with the finding's
 * real names (role, key, region, account, time window), shell-quoted.
 */
final class CollectionAdvice {
  private CollectionAdvice() {}

  /** What a missing-evidence code means, in one phrase. */
  static String meaning(String code) {
    return switch (code) {
      case "iam-events" -> "the account's IAM events (IAM logs to `us-east-1` only) are not in the evidence";
      case "grant" -> "no record of the grant itself (successful decrypts stand in for it)";
      case "old-generation" -> "the role's unique ID when the grant was made is unknown";
      case "role-deletion" -> "nothing shows the old role's deletion (no `DeleteRole`, no AWS Config deletion, no grant "
          + "listed by unique ID)";
      case "role-creation" -> "nothing shows when the current role was created (no `CreateRole`, no `CreateDate` from "
          + "`iam get-role` or AWS Config)";
      default -> code;
    };
  }

  /**
   * The commands that would close the finding's gaps, log downloads laid out as the files read show the account's
   * trail; empty when nothing is missing.
   */
  static List<String> commands(Breakage b, TrailLayouts layouts) {
    Set<String> commands = new LinkedHashSet<>();
    Instant from = b.firstFailureAt().minus(30, ChronoUnit.DAYS);
    for (String code : b.missingEvidence()) {
      switch (code) {
        case "iam-events" -> {
          commands.addAll(LogDownload.commands(layouts, b.accountId(), "us-east-1",
              recreationFrom(b), recreationTo(b), "IAM is global: its events are in the us-east-1 log files of the "
                  + "days the role was deleted and re-created"));
          commands.add(lookupEvents(b, from));
        }
        case "grant", "old-generation" -> commands.add(listGrants(b));
        case "role-deletion" -> {
          commands.add(listGrants(b));
          commands.add(lookupEvents(b, from));
          commands.add(configHistory(b));
        }
        case "role-creation" -> {
          commands.add("aws iam get-role --role-name " + shell(b.roleName()) + " --output json > "
              + shell("iam-get-role-" + b.roleName() + ".json"));
          commands.add(configHistory(b));
        }
        default -> throw new IllegalArgumentException("unknown missing-evidence code " + code);
      }
    }
    return new ArrayList<>(commands);
  }

  /**
   * The latest time the evidence places before the deletion and re-creation that broke the grant: the grant, the old
   * unique ID's last appearance, the deletion; 30 days before the first failure when the evidence shows none.
   */
  static Instant recreationFrom(Breakage b) {
    // bounds of the first re-creation only: a later grant (the fix) or re-creation must not move the start past it
    Instant to = b.roleRecreated() == null ? b.firstFailureAt() : b.roleRecreated().placedAt();
    Stream<Instant> bounds = Stream.of(
        b.roleDeleted() == null ? null : b.roleDeleted().at(),
        b.roleDeleted() == null ? null : b.roleDeleted().after(),
        b.roleRecreated() == null ? null : b.roleRecreated().after());
    Stream<Instant> grants = b.evidence().stream().filter(e -> e.eventName().equals("CreateGrant")).map(Evidence::eventTime);
    return Stream.concat(bounds, grants).filter(Objects::nonNull).filter(at -> !at.isAfter(to))
        .max(Comparator.naturalOrder()).orElse(b.firstFailureAt().minus(30, ChronoUnit.DAYS));
  }

  /** The earliest time by which every re-creation of the role in the incident had happened. */
  static Instant recreationTo(Breakage b) {
    Stream<Instant> creations = b.recreations().stream().map(recreation -> recreation.created().placedAt());
    Stream<Instant> first = Stream.of(b.firstFailureAt(), b.roleRecreated() == null ? null : b.roleRecreated().placedAt());
    return Stream.concat(first, creations).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow();
  }

  private static String listGrants(Breakage b) {
    return "aws kms list-grants --key-id " + shell(b.keyArn() == null ? "KEY_ARN" : b.keyArn()) + " --region "
        + shell(b.region()) + " --output json > " + shell("kms-list-grants-" + b.functionName() + ".json")
        + "   # a grantee shown as AROA…:" + Remedies.oneLine(b.functionName()) + " is the deleted role";
  }

  private static String lookupEvents(Breakage b, Instant from) {
    return "aws cloudtrail lookup-events --region us-east-1 --lookup-attributes "
        + shell("AttributeKey=ResourceName,AttributeValue=" + b.roleName()) + " --start-time " + from
        + " --end-time " + b.lastFailureAt() + " --output json > " + shell("lookup-events-" + b.roleName() + ".json");
  }

  private static String configHistory(Breakage b) {
    return "aws configservice list-discovered-resources --resource-type AWS::IAM::Role --resource-name "
        + shell(b.roleName()) + " --include-deleted-resources --output json   # then get-resource-config-history"
        + " --resource-type AWS::IAM::Role --resource-id <each resourceId>, or the AWSLogs/"
        + Remedies.oneLine(b.accountId()) + "/Config/ history files";
  }
}
