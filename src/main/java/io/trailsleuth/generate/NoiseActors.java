package io.trailsleuth.generate;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** The cast of the background traffic in each account: people, pipelines and workloads. */
final class NoiseActors {
  static final String CLI = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off";
  static final String CLI_MAC = "aws-cli/2.17.4 md/awscrt#0.20.11 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.9 "
      + "md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off";
  static final String BOTO3 = "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213-201.855.amzn2.x86_64 "
      + "md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy "
      + "Botocore/1.34.69";
  static final String BOTO3_ECS = "Boto3/1.28.57 md/Botocore#1.31.57 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 "
      + "md/arch#x86_64 lang/python#3.11.6 md/pyimpl#CPython exec-env/AWS_ECS_FARGATE cfg/retry-mode#legacy "
      + "Botocore/1.31.57";
  static final String TERRAFORM = "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) "
      + "terraform-provider-aws/5.40.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2 "
      + "os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64";
  static final String CONSOLE = "AWS Internal";

  private final List<NoiseActor> main;
  private final List<NoiseActor> second;

  NoiseActors(SplittableRandom random, UniqueIds unique) {
    RandomIds ids = new RandomIds(random);
    String account = TrailStream.MAIN_ACCOUNT;
    main = List.of(
        console(ids, unique, account, "AWSReservedSSO_AdministratorAccess_0123456789abcdef", "alice@example.com",
            "198.51.100.23"),
        console(ids, unique, account, "AWSReservedSSO_ReadOnlyAccess_fedcba9876543210", "carol@example.com",
            "198.51.100.61"),
        person(ids, unique, account, "dev-bob", "192.0.2.77", List.of(CLI, CLI_MAC)),
        new NoiseActor(Principal.user(account, "ci-legacy", unique.userId(account, "ci-legacy"),
            unique.userAccessKey(account, "ci-legacy")), "203.0.113.9",
            List.of(BOTO3), NoiseActor.Audience.WORKLOAD),
        role(ids, unique, account, "terraform-ci", "gha-run-4402", "203.0.113.40", List.of(TERRAFORM),
            NoiseActor.Audience.PERSON),
        role(ids, unique, account, "orders-api-exec", "orders-api", "198.51.100.140", List.of(BOTO3),
            NoiseActor.Audience.WORKLOAD),
        role(ids, unique, account, "AWSServiceRoleForConfig", "AWSConfig-Describe", "config.amazonaws.com",
            List.of("config.amazonaws.com"), NoiseActor.Audience.WORKLOAD));
    account = TrailStream.SECOND_ACCOUNT;
    second = List.of(
        person(ids, unique, account, "ops-dana", "192.0.2.140", List.of(CLI)),
        console(ids, unique, account, "OrganizationAccountAccessRole", "eve@example.com", "198.51.100.88"),
        role(ids, unique, account, "ingest-task-role", ids.hex(32), "198.51.100.201", List.of(BOTO3_ECS),
            NoiseActor.Audience.WORKLOAD));
  }

  /** The actors of an account. */
  List<NoiseActor> of(String account) {
    return account.equals(TrailStream.MAIN_ACCOUNT) ? main : second;
  }

  private static NoiseActor console(RandomIds ids, UniqueIds unique, String account, String roleName,
      String session, String ip) {
    return role(ids, unique, account, roleName, session, ip, List.of(CONSOLE), NoiseActor.Audience.CONSOLE);
  }

  private static NoiseActor person(RandomIds ids, UniqueIds unique, String account, String userName, String ip,
      List<String> agents) {
    Principal user = Principal.user(account, userName, unique.userId(account, userName),
        unique.userAccessKey(account, userName));
    return new NoiseActor(user, ip, agents,
        NoiseActor.Audience.PERSON);
  }

  private static NoiseActor role(RandomIds ids, UniqueIds unique, String account, String roleName, String session,
      String ip, List<String> agents, NoiseActor.Audience audience) {
    Principal principal = Principal.roleSession(account, roleName, unique.roleId(account, roleName), session,
        ids.temporaryAccessKey(),
        Instant.EPOCH);
    return new NoiseActor(principal, ip, agents, audience);
  }
}
