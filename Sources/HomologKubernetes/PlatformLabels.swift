/// The label values of the Cloud Pi Native platform (`cpin-doc-labels-list.md`), checked by its Kyverno `check-labels` rule.
public enum PlatformLabels {
  /// Labels every pod must carry.
  public static let required = ["app", "env", "tier"]
  /// Allowed values of `env`.
  public static let environments = ["dev", "formation", "qualif", "test", "preprod", "prod"]
  /// Allowed values of `tier`.
  public static let tiers = ["frontend", "backend", "db", "cache", "auth"]
  /// Allowed values of `criticality` (optional label).
  public static let criticalities = ["high", "medium", "low"]
  /// Allowed values of each label that has a closed list.
  public static let allowedValues: [String: [String]] = ["env": environments, "tier": tiers, "criticality": criticalities]

  /// Tiers that hold data.
  public static let dataTiers: Set<String> = ["db", "cache"]
  /// `component` values of the database, caching and broker families.
  public static let dataComponents: Set<String> = [
    "postgres", "mariadb", "mysql", "mongo", "cassandra", "cockroach", "influx", "etcd",
    "varnish", "redis", "memcached", "rabbitmq", "kafka", "apachemq", "kubemq",
  ]
}
