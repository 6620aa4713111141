package io.trailsleuth.generate;

import java.util.Arrays;
import java.util.Optional;

/** The stories the generator can tell. */
public enum Scenario {
  /** A Lambda execution role deleted and re-created by Terraform, breaking KMS decryption, then repaired. */
  RECREATED_ROLE("recreated-role"),
  /** Background traffic only. */
  NOISE("noise");

  private final String cliName;

  Scenario(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line. */
  public String cliName() {
    return cliName;
  }

  public static Optional<Scenario> fromCliName(String name) {
    return Arrays.stream(values()).filter(scenario -> scenario.cliName.equals(name)).findFirst();
  }
}
