import HomologModel
import HomologParsing

/// Streams a Trivy report (SchemaVersion 2, `trivy k8s`, or the old top-level array of results):
/// builds one item at a time, reports each result when it ends (each `k8s` resource when it ends,
/// so its name may come after its results), and keeps the findings and what images and scopes need.
final class TrivyStream: JSONStreamHandler {
  /// What an entered container is.
  private enum Role {
    case report
    case resultList
    case result
    case items(Item)
    case resourceList
    case resource
  }

  private enum Item {
    case vulnerabilities, misconfigurations, secrets, licenses
  }

  var out = ReadResult()
  var isArray = false
  var version: String?
  var createdAt: String?
  var artifactName: String?
  var osFamily: String?
  var osName: String?
  var endOfLife: Bool?
  var hasResourceVulnerabilities = false
  /// The results of the report (or of the old array), then those of `k8s` resources, summarised.
  var results: [TrivyResult.Summary] = []
  var resourceResults: [TrivyResult.Summary] = []

  private var roles: [Role] = []
  private var result = TrivyResult()
  private var resourceFields: [String?] = [nil, nil, nil]
  private var resourceResultsPending: [TrivyResult] = []

  /// The keys of each item built: all a finding uses, or only what its severity (and failure) needs when counting.
  private let itemKeys: [JSONKeySet]

  init(findingMode: FindingMode = .keep) {
    out.findingMode = findingMode
    itemKeys =
      findingMode == .keep
      ? [TrivyResult.Vulnerability.keys, TrivyResult.Misconfiguration.keys, TrivyResult.Secret.keys, TrivyResult.License.keys]
      : [
        JSONKeySet(["VulnerabilityID", "Severity"]), JSONKeySet(["Severity", "Status"]), JSONKeySet(["Severity"]),
        JSONKeySet(["Severity"]),
      ]
  }

  private static let trivyKeys = JSONKeySet(["Version"])
  private static let metadataKeys = JSONKeySet(["OS"])

  func begin(_ container: JSONContainer, in stream: JSONStream) throws(InputError) -> JSONStreamAction {
    guard let parent = roles.last else {
      isArray = container == .array
      roles.append(isArray ? .resultList : .report)
      return .enter
    }
    switch parent {
    case .report:
      if stream.isKey("Trivy") || stream.isKey("Metadata") {
        guard container == .object else { throw stream.error("expected an object, found an array") }
        return .capture(keeping: stream.isKey("Trivy") ? TrivyStream.trivyKeys : TrivyStream.metadataKeys)
      }
      let isResults = stream.isKey("Results")
      let isResources = stream.isKey("Vulnerabilities") || stream.isKey("Misconfigurations") || stream.isKey("Resources")
      guard isResults || isResources else { return .skip }
      guard container == .array else { throw stream.error("expected an array, found an object") }
      if stream.isKey("Vulnerabilities") { hasResourceVulnerabilities = true }
      roles.append(isResults ? .resultList : .resourceList)
    case .resultList:
      guard container == .object else { throw stream.error("expected a result (an object), found an array") }
      result = TrivyResult()
      roles.append(.result)
    case .resourceList:
      guard container == .object else { throw stream.error("expected a resource (an object), found an array") }
      resourceFields = [nil, nil, nil]
      roles.append(.resource)
    case .resource:
      guard stream.isKey("Results") else { return .skip }
      guard container == .array else { throw stream.error("expected an array, found an object") }
      roles.append(.resultList)
    case .result:
      let item: Item
      if stream.isKey("Vulnerabilities") {
        item = .vulnerabilities
      } else if stream.isKey("Misconfigurations") {
        item = .misconfigurations
      } else if stream.isKey("Secrets") {
        item = .secrets
      } else if stream.isKey("Licenses") {
        item = .licenses
      } else {
        return .skip
      }
      guard container == .array else { throw stream.error("expected an array, found an object") }
      roles.append(.items(item))
    case .items(let item):
      guard container == .object else { throw stream.error("expected an object, found an array") }
      switch item {
      case .vulnerabilities: return .capture(keeping: itemKeys[0])
      case .misconfigurations: return .capture(keeping: itemKeys[1])
      case .secrets: return .capture(keeping: itemKeys[2])
      case .licenses: return .capture(keeping: itemKeys[3])
      }
    }
    return .enter
  }

  func scalar(_ value: JSONScalar, in stream: JSONStream) throws(InputError) {
    guard let parent = roles.last else { throw stream.error("expected a Trivy report (an object or an array), found \(value.typeName)") }
    switch parent {
    case .report:
      if stream.isKey("CreatedAt") {
        createdAt = try string(value, stream)
      } else if stream.isKey("ArtifactName") {
        artifactName = try string(value, stream)
      } else if stream.isKey("SchemaVersion") {
        if case .null = value { return }
        guard value.int != nil else { throw stream.error("expected an integer, found \(value.typeName)") }
      } else if stream.isKey("Results") || stream.isKey("Vulnerabilities") || stream.isKey("Misconfigurations")
        || stream.isKey("Resources")
      {
        guard case .null = value else { throw stream.error("expected an array, found \(value.typeName)") }
      }
    case .result:
      if stream.isKey("Target") {
        result.Target = try string(value, stream)
      } else if stream.isKey("Type") {
        result.Type = try string(value, stream)
      } else if stream.isKey("Class") {
        result.Class = try string(value, stream)
      } else if stream.isKey("Vulnerabilities") || stream.isKey("Misconfigurations") || stream.isKey("Secrets")
        || stream.isKey("Licenses")
      {
        guard case .null = value else { throw stream.error("expected an array, found \(value.typeName)") }
      }
    case .resource:
      if stream.isKey("Namespace") {
        resourceFields[0] = try string(value, stream)
      } else if stream.isKey("Kind") {
        resourceFields[1] = try string(value, stream)
      } else if stream.isKey("Name") {
        resourceFields[2] = try string(value, stream)
      } else if stream.isKey("Results") {
        guard case .null = value else { throw stream.error("expected an array, found \(value.typeName)") }
      }
    case .resultList: throw stream.error("expected a result (an object), found \(value.typeName)")
    case .resourceList: throw stream.error("expected a resource (an object), found \(value.typeName)")
    case .items: throw stream.error("expected an object, found \(value.typeName)")
    }
  }

  private func string(_ value: JSONScalar, _ stream: JSONStream) throws(InputError) -> String? {
    switch value {
    case .null: return nil
    case .string: return value.string
    default: throw stream.error("expected a string, found \(value.typeName)")
    }
  }

  func captured(_ value: JSONValue, in stream: JSONStream) throws(InputError) {
    do throws(JSONShapeError) {
      guard case .items(let item) = roles.last else {
        if stream.isKey("Trivy") {
          version = try value.string("Version")
        } else {
          osFamily = try value.string("OS", "Family")
          osName = try value.string("OS", "Name")
          endOfLife = try value.bool("OS", "EOSL")
        }
        return
      }
      guard out.keepsFindings else {
        // Counting: each item is counted as it ends, nothing waits for its result or resource.
        switch item {
        case .vulnerabilities:
          TrivyJSONReader.add(try TrivyResult.Vulnerability(value), target: "", resource: nil, to: &out)
          result.countedVulnerabilities = true
        case .misconfigurations: TrivyJSONReader.add(try TrivyResult.Misconfiguration(value), path: nil, resource: nil, to: &out)
        case .secrets: TrivyJSONReader.add(try TrivyResult.Secret(value), path: nil, resource: nil, to: &out)
        case .licenses: TrivyJSONReader.add(try TrivyResult.License(value), path: nil, target: "", to: &out)
        }
        return
      }
      switch item {
      case .vulnerabilities: result.Vulnerabilities.append(try TrivyResult.Vulnerability(value))
      case .misconfigurations: result.Misconfigurations.append(try TrivyResult.Misconfiguration(value))
      case .secrets: result.Secrets.append(try TrivyResult.Secret(value))
      case .licenses: result.Licenses.append(try TrivyResult.License(value))
      }
    } catch {
      throw stream.error(error)
    }
  }

  func end(_ container: JSONContainer, in stream: JSONStream) throws(InputError) {
    guard let role = roles.popLast() else { return }
    switch role {
    case .result:
      if case .resource = roles.dropLast().last {
        resourceResultsPending.append(result)
      } else {
        TrivyJSONReader.collect(result, into: &out, resource: nil)
        results.append(result.summary)
      }
      result = TrivyResult()
    case .resource:
      let name = resourceFields.compactMap { $0 }.joined(separator: "/")
      for pending in resourceResultsPending {
        TrivyJSONReader.collect(pending, into: &out, resource: name)
        resourceResults.append(pending.summary)
      }
      resourceResultsPending = []
    default: break
    }
  }
}
