/// Recognises data components (databases, caches, brokers): the only workloads that may keep state
/// in StatefulSets (EXI-ARCH-20), and whose availability comes from their own replication rather
/// than from Deployment replicas (EXI-ARCH-2).
public enum DataComponent {
  /// Image names (last repository component, lowercased) of well-known data stores.
  public static let imageNames: Set<String> = [
    "postgres", "postgresql", "postgresql-repmgr", "postgis", "mysql", "mariadb", "mariadb-galera", "percona",
    "percona-server", "mongo", "mongodb", "mongodb-sharded", "redis", "redis-cluster", "redis-sentinel", "valkey",
    "keydb", "memcached", "cassandra", "scylla", "cockroach", "cockroachdb", "influxdb", "etcd", "elasticsearch",
    "opensearch", "solr", "kafka", "zookeeper", "rabbitmq", "nats", "activemq", "artemis", "pulsar", "minio", "neo4j",
    "couchdb", "couchbase", "clickhouse", "timescaledb", "varnish", "hazelcast", "infinispan", "qdrant", "weaviate",
    "milvus", "openldap",
  ]

  /// Last name components that say "database" (`catalogue-db`, `user-database`, `session-cache`).
  public static let nameSuffixes: Set<String> = ["db", "database", "cache"]

  /// True for names ending in `-db`, `-database` or `-cache`.
  private static func isDataName(_ name: String) -> Bool {
    guard let last = name.split(separator: "-").last, name.contains("-") else { return false }
    return nameSuffixes.contains(String(last))
  }

  /// Why a workload is a data component (`tier=db`, `component=redis`, `image postgres`, `name user-db`), or nil when it is not one.
  public static func reason(_ workload: Workload) -> String? {
    let labels = workload.object.labels.merging(workload.podLabels) { _, pod in pod }
    if let tier = labels["tier"], PlatformLabels.dataTiers.contains(tier) { return "tier=\(tier)" }
    if let component = labels["component"], PlatformLabels.dataComponents.contains(component) {
      return "component=\(component)"
    }
    for container in workload.containers([.regular]) {
      guard let image = container.image else { continue }
      let name = ImageReference(image).name.lowercased()
      if imageNames.contains(name) || isDataName(name) { return "image \(name)" }
    }
    if isDataName(workload.object.name.lowercased()) { return "name \(workload.object.name)" }
    return nil
  }
}
