import Foundation
import HomologEvaluate
import HomologModel
import XCTest

/// Every message the Kubernetes checks emit has a French and an English text whose placeholders all have an argument.
final class KubernetesMessagesTests: XCTestCase {
  private static func table(_ language: String) throws -> [String: String] {
    let url = Fixtures.repository.appendingPathComponent("templates/i18n/\(language)/kubernetes.json")
    return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
  }

  /// `{name}` placeholders of a text (a plural `{name|one|other}` counts as `name`).
  private static func placeholders(_ text: String) -> Set<String> {
    var names = Set<String>()
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      names.insert(String(rest[rest.index(after: open)..<close].split { $0 == "|" }.first ?? ""))
      rest = rest[rest.index(after: close)...]
    }
    return names
  }

  /// Every manifest the tests know: genuine ones, check fixtures, the rendered chart, the samples.
  private static func evidenceSets() throws -> [EvidenceSet] {
    var sets = [try TestEvidence.set(Fixtures.files("real/kubernetes")), EvidenceSet(files: [])]
    sets.append(try TestEvidence.set([Fixtures.url("kubernetes/helm-rendered-webshop.yaml")]))
    let checks = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("checks").path)) ?? []
    for folder in checks.sorted() where folder.hasPrefix("k8s.") {
      for url in Fixtures.files("checks/\(folder)") {
        var evidence = try TestEvidence.set([url])
        evidence.context.deployment = KubernetesCheckFixtureTests.statedDeployment(try String(contentsOf: url, encoding: .utf8))
        sets.append(evidence)
      }
    }
    for sample in ["demo", "clean"] {
      let folder = Fixtures.repository.appendingPathComponent("samples/\(sample)/manifests")
      let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map {
        folder.appendingPathComponent($0)
      }
      sets.append(try TestEvidence.set(files))
    }
    sets.append(
      try TestEvidence.set(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n", policy: Policy(allowedRegistries: [])))
    return sets
  }

  func testEveryEmittedMessageHasBothTextsWithItsArguments() throws {
    let tables = ["en": try Self.table("en"), "fr": try Self.table("fr")]
    var messages: [Message] = []
    for evidence in try Self.evidenceSets() {
      for check in TestEvidence.kubernetesChecks {
        let result = check.evaluate(evidence)
        messages.append(result.summary)
        messages += result.observations.map(\.message)
      }
    }
    var keys = Set<String>()
    for message in messages {
      keys.insert(message.key)
      for (language, table) in tables {
        guard let text = table[message.key] else {
          XCTFail("\(language): no text for \(message.key)")
          continue
        }
        let missing = Self.placeholders(text).subtracting(message.args.map(\.name))
        XCTAssertTrue(missing.isEmpty, "\(language) \(message.key): no argument for \(missing.sorted())")
      }
    }
    for check in TestEvidence.kubernetesChecks {
      for outcome in ["pass", "fail", "no_evidence"] {
        XCTAssertTrue(keys.contains("\(check.id).\(outcome)"), "\(check.id).\(outcome) never emitted by the tests")
      }
    }
  }

  func testBothLanguagesHaveTheSameKeysAndPlaceholders() throws {
    let english = try Self.table("en")
    let french = try Self.table("fr")
    XCTAssertEqual(Set(english.keys), Set(french.keys))
    for (key, text) in english {
      XCTAssertEqual(Self.placeholders(text), Self.placeholders(french[key] ?? ""), key)
    }
    for check in TestEvidence.kubernetesChecks {
      XCTAssertNotNil(english["\(check.id).title"], check.id)
    }
  }

  func testEveryCheckFileIsRegistered() throws {
    let folder = Fixtures.repository.appendingPathComponent("Sources/HomologEvaluate/Checks/Kubernetes")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix("Check.swift") }
    let registered = Set(AllChecks.list.map { String(describing: type(of: $0)) + ".swift" })
    XCTAssertEqual(names.count, 23)
    for name in names { XCTAssertTrue(registered.contains(name), "\(name) is not in AllChecks.list") }
  }
}
