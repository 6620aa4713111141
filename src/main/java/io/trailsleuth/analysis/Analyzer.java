package io.trailsleuth.analysis;

import io.trailsleuth.analysis.policy.PolicyDrifts;
import io.trailsleuth.common.SqlFiles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns the analysis views of a store into findings: breakages, functions at risk, deleted roles, unexplained denials, policy drift. */
public final class Analyzer {
  private Analyzer() {}

  /** Analyses a connection that has the store views and the analysis views installed. */
  public static Findings analyze(Connection connection) throws SQLException {
    AnalysisData data = AnalysisData.load(connection);
    Lineages lineages = new Lineages(data.generations());
    Map<FunctionKey, FunctionFacts> functions = byFunction(data);
    CustomerKeys customerKeys = new CustomerKeys(data.snapshots());
    BreakageDetector detector = new BreakageDetector(data, lineages, customerKeys);
    PossibleBreakages possible = new PossibleBreakages(data, lineages, customerKeys);
    Set<Evidence> explained = new HashSet<>();
    List<Breakage> breakages = new ArrayList<>();
    List<AtRisk> atRisk = new ArrayList<>();
    for (Map.Entry<FunctionKey, FunctionFacts> entry : functions.entrySet()) {
      List<Breakage> found = new ArrayList<>(detector.detect(entry.getKey(), entry.getValue(), explained));
      found.addAll(possible.detect(entry.getKey(), entry.getValue(), explained));
      breakages.addAll(found);
      if (found.isEmpty()) {
        RiskCheck.atRisk(entry.getKey(), entry.getValue(), lineages, customerKeys).ifPresent(atRisk::add);
      }
    }
    return new Findings(coverage(connection, data.accountsWithIamEvents()), breakages, atRisk,
        RiskCheck.deletedRoles(lineages, functions, data.actors()),
        unexplained(data.decrypts(), explained, awsManagedKeys(data)), data.snapshotFiles(),
        PolicyDrifts.load(connection));
  }

  private static Map<FunctionKey, FunctionFacts> byFunction(AnalysisData data) {
    Map<FunctionKey, FunctionFacts> functions = new TreeMap<>();
    for (GrantEvent grant : data.grants()) {
      if (grant.functionRegion() != null) {
        functions.computeIfAbsent(grant.function(), k -> FunctionFacts.empty()).grants().add(grant);
      }
    }
    for (DecryptAttempt attempt : data.decrypts()) {
      FunctionKey key = attempt.function();
      if (key != null && attempt.roleId() != null) {
        functions.computeIfAbsent(key, k -> FunctionFacts.empty()).decrypts().add(attempt);
      }
    }
    for (FunctionChange change : data.changes()) {
      FunctionFacts facts = functions.get(change.function());
      if (facts != null) {
        facts.changes().add(change);
      }
    }
    for (InvokeError invoke : data.invokeErrors()) {
      FunctionFacts facts = functions.get(invoke.function());
      if (facts != null) {
        facts.invokeErrors().add(invoke.evidence());
      }
    }
    return functions;
  }

  /** Keys the evidence shows are AWS-managed: Lambda made a grant on them, or describe-key or AWS Config says so. */
  private static Set<String> awsManagedKeys(AnalysisData data) {
    Set<String> keys = new HashSet<>();
    data.grants().stream().filter(GrantEvent::madeByLambda).map(GrantEvent::keyArn).filter(k -> k != null)
        .forEach(keys::add);
    data.snapshots().stream().filter(s -> "AWS".equals(s.keyManager()) && s.keyArn() != null)
        .forEach(s -> keys.add(s.keyArn()));
    return keys;
  }

  private static List<UnexplainedDenial> unexplained(List<DecryptAttempt> decrypts, Set<Evidence> explained,
      Set<String> awsManagedKeys) {
    Map<String, List<DecryptAttempt>> byPrincipal = new TreeMap<>();
    for (DecryptAttempt attempt : decrypts) {
      if (attempt.denied() && !explained.contains(attempt.evidence())) {
        String principal = attempt.principalArn() == null ? "unknown" : attempt.principalArn();
        byPrincipal.computeIfAbsent(principal, k -> new ArrayList<>()).add(attempt);
      }
    }
    List<UnexplainedDenial> result = new ArrayList<>();
    byPrincipal.forEach((principal, attempts) -> result.add(new UnexplainedDenial(principal,
        attempts.stream().map(DecryptAttempt::errorCode).toList(), attempts.size(), attempts.get(0).time(),
        attempts.get(attempts.size() - 1).time(),
        attempts.stream().map(DecryptAttempt::keyArn).filter(k -> k != null).toList(),
        attempts.stream().anyMatch(a -> awsManagedKeys.stream().anyMatch(k -> Keys.same(k, a.keyArn()))))));
    result.sort(Comparator.comparing(UnexplainedDenial::principalArn));
    return result;
  }

  private static Coverage coverage(Connection connection, Set<String> accountsWithIamEvents) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(SqlFiles.get("coverage").sql())) {
      rows.next();
      List<String> accounts = Rows.list(rows, "accounts");
      return new Coverage(rows.getLong("files"), rows.getLong("records"), rows.getLong("events"),
          rows.getLong("duplicates"), rows.getLong("rejected"), rows.getLong("skipped_files"),
          rows.getLong("snapshot_files"), rows.getLong("out_of_scope_files"),
          Rows.instant(rows, "first_event_time"), Rows.instant(rows, "last_event_time"),
          accounts, Rows.list(rows, "regions"),
          accounts.stream().filter(a -> !accountsWithIamEvents.contains(a)).toList());
    }
  }

}
