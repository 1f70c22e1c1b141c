import Foundation
import HomologModel
import HomologRender
import XCTest

/// `schemas/dossier.schema.json`: a draft 2020-12 schema of the whole dossier.json, its enums the Swift enums' raw values,
/// printed by `homolog schema`, and dossiers that validate against it (with Python's jsonschema, as CI does).
final class DossierSchemaTests: XCTestCase {
  private static let schemaURL = CLI.repository.appendingPathComponent("schemas/dossier.schema.json")

  private func schema() throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
  }

  private func definition(_ name: String, in schema: [String: Any]) throws -> [String: Any] {
    try XCTUnwrap((schema["$defs"] as? [String: Any])?[name] as? [String: Any], name)
  }

  func testSchemaIsDraft2020OfThisMajorVersion() throws {
    let schema = try schema()
    XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
    XCTAssertEqual(schema["$id"] as? String, "urn:homolog:dossier-schema:2.1.0")
    XCTAssertEqual(SchemaVersion.current.description, "2.1.0")
    let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
    XCTAssertEqual((properties["schema"] as? [String: Any])?["const"] as? String, "homolog-dossier/2")
    XCTAssertEqual(Dossier.schemaID, "homolog-dossier/2")
    let pattern = try XCTUnwrap((properties["schema_version"] as? [String: Any])?["pattern"] as? String)
    for (version, matches) in [("2.1.0", true), ("2.0.0", true), ("2.17.3", true), ("3.0.0", false), ("2.1", false), ("2.01.0", false)] {
      XCTAssertEqual(version.range(of: pattern, options: .regularExpression) != nil, matches, version)
      XCTAssertEqual(SchemaVersion(version).map { $0.major == 2 } ?? false, matches, version)
    }
  }

  func testEveryObjectIsClosedAndRequiresWhatTheLeastDossierHas() throws {
    let schema = try schema()
    var objects = 0
    var described: Set<String> = []
    func visit(_ node: Any, _ path: String) {
      if let object = node as? [String: Any] {
        if object["type"] as? String == "object" {
          objects += 1
          XCTAssertEqual(object["additionalProperties"] as? Bool, false, path)
          let properties = Set((object["properties"] as? [String: Any] ?? [:]).keys)
          described.formUnion(properties)
          XCTAssertTrue(Set(object["required"] as? [String] ?? []).isSubset(of: properties), path)
        }
        for (key, value) in object { visit(value, path + "/" + key) }
      } else if let array = node as? [Any] {
        for (index, value) in array.enumerated() { visit(value, "\(path)/\(index)") }
      }
    }
    visit(schema, "#")
    XCTAssertGreaterThanOrEqual(objects, 54, "objects of the schema")
    // A dossier with no optional value writes exactly the required keys, plus its schema_version.
    let least = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONRenderer.encoder.encode(SchemaTestDossiers.least())) as? [String: Any])
    XCTAssertEqual(Set(least.keys), Set(try XCTUnwrap(schema["required"] as? [String])).union(["schema_version"]))
    XCTAssertEqual(least["schema_version"] as? String, "2.1.0")
    let fullest = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONRenderer.encoder.encode(SchemaTestDossiers.fullest())) as? [String: Any])
    XCTAssertEqual(Set(fullest.keys), Set(try XCTUnwrap(schema["properties"] as? [String: Any]).keys))
    // No stale property: every key the schema describes is written somewhere in the fullest dossier.
    var written: Set<String> = []
    func keys(_ node: Any) {
      if let object = node as? [String: Any] {
        written.formUnion(object.keys)
        object.values.forEach(keys)
      } else if let array = node as? [Any] {
        array.forEach(keys)
      }
    }
    keys(fullest)
    XCTAssertEqual(described.subtracting(written), [], "described by the schema, written by no dossier")
  }

  func testEnumsAreTheSwiftEnumsRawValues() throws {
    let schema = try schema()
    func check<E: CaseIterable & RawRepresentable>(_ type: E.Type) throws where E.RawValue == String {
      let name = String(describing: type)
      XCTAssertEqual(try definition(name, in: schema)["enum"] as? [String], type.allCases.map(\.rawValue), name)
    }
    try check(Level.self)
    try check(RequirementStatus.self)
    try check(VerdictStatus.self)
    try check(StatusBasis.self)
    try check(PartStatus.self)
    try check(ProofMode.self)
    try check(CheckOutcome.self)
    try check(Severity.self)
    try check(FindingKind.self)
    try check(DerogationState.self)
    try check(ComponentRole.self)
    try check(Exposure.self)
    try check(DataSensitivity.self)
    try check(Hosting.self)
    try check(DeploymentMethod.self)
    try check(QualityGateStatus.self)
    try check(AdmissionAction.self)
    try check(AdmissionOutcome.self)
    try check(PolicyResultStatus.self)
    try check(ScanScope.self)
    XCTAssertEqual(try definition("StaleDeclarationKind", in: schema)["enum"] as? [String], StaleDeclaration.Kind.allCases.map(\.rawValue))
    // Formats: every reader's id (`homolog formats`, first column), sorted.
    let formats = try CLI.run(["formats"]).stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
    XCTAssertEqual(formats.count, 31)
    XCTAssertEqual(try definition("FormatID", in: schema)["enum"] as? [String], formats.sorted())
  }

  func testSchemaCommandPrintsTheShippedSchema() throws {
    let printed = try CLI.run(["schema"])
    XCTAssertEqual(printed.status, 0, printed.stderr)
    XCTAssertEqual(Data(printed.stdout.utf8), try Data(contentsOf: Self.schemaURL))
    let help = try CLI.run(["schema", "--help", "--lang", "en"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.stdout.contains("Prints the JSON Schema (draft 2020-12) that every dossier.json this homolog writes follows"), help.stdout)
    let extra = try CLI.run(["schema", "dossier.json", "--lang", "en"])
    XCTAssertEqual(extra.status, 2)
    XCTAssertTrue(extra.stderr.contains("dossier.json"), extra.stderr)
  }

  /// Python's jsonschema (Debian python3-jsonschema, installed by .ci/run), as CI validates every dossier of the suite.
  func testTheFullestAndTheLeastDossiersValidateAndADriftIsNamedByItsPath() throws {
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    probe.arguments = ["python3", "-c", "import jsonschema"]
    probe.standardError = FileHandle.nullDevice
    try probe.run()
    probe.waitUntilExit()
    try XCTSkipUnless(probe.terminationStatus == 0, "python3 with jsonschema (python3-jsonschema) is not installed")
    let folder = try TemporaryFolders.make("homolog-schema")
    let fullest = folder.appendingPathComponent("fullest/dossier.json")
    let least = folder.appendingPathComponent("least/dossier.json")
    let drift = folder.appendingPathComponent("drift.json")
    try SchemaTestDossiers.write(SchemaTestDossiers.fullest(), to: fullest)
    try SchemaTestDossiers.write(SchemaTestDossiers.least(), to: least)
    try SchemaTestDossiers.write(SchemaTestDossiers.fullest(), to: drift) { json in
      var requirements = json["requirements"] as! [[String: Any]]
      var checks = requirements[0]["checks"] as! [[String: Any]]
      checks[1]["verdict"] = "pass"
      requirements[0]["checks"] = checks
      json["requirements"] = requirements
    }
    let script = CLI.repository.appendingPathComponent("scripts/validate_dossiers.py").path
    let golden = CLI.repository.appendingPathComponent("Tests/Golden/demo/expected/dossier.json").path
    let valid = ChildProcess.run(["python3", script, fullest.path, least.path, golden])
    XCTAssertEqual(valid.status, 0, valid.text)
    XCTAssertTrue(valid.output.hasSuffix("validate-dossiers: 3 given dossier(s) checked\nvalidate-dossiers: 0 failed\n"), valid.output)
    let invalid = ChildProcess.run(["python3", script, drift.path])
    XCTAssertEqual(invalid.status, 1)
    XCTAssertTrue(
      invalid.output.contains("FAIL \(drift.path): at $.requirements[0].checks[1]: Additional properties are not allowed ('verdict' was unexpected)"),
      invalid.output)
    // A sink (the dossier.json copies the suite leaves): a copy without "schema", or not JSON, fails; only a copy
    // claiming another major version is skipped.
    let sink = folder.appendingPathComponent("sink")
    try SchemaTestDossiers.write(SchemaTestDossiers.least(), to: sink.appendingPathComponent("A.valid-1.json"))
    try SchemaTestDossiers.write(SchemaTestDossiers.least(), to: sink.appendingPathComponent("B.future-1.json")) { $0["schema_version"] = "3.0.0" }
    let passing = ChildProcess.run(["python3", script, "--sink", sink.path, "--minimum", "1"])
    XCTAssertEqual(passing.status, 0, passing.text)
    XCTAssertTrue(
      passing.output.contains("validate-dossiers: 1 dossier(s) the tests wrote are valid, 1 file(s) skipped: B.future-1.json (major 3)\n"),
      passing.output)
    try SchemaTestDossiers.write(SchemaTestDossiers.least(), to: sink.appendingPathComponent("C.unversioned-1.json")) { $0["schema"] = nil }
    try Data("{\"schema\": ".utf8).write(to: sink.appendingPathComponent("D.cut-1.json"))
    let failing = ChildProcess.run(["python3", script, "--sink", sink.path, "--minimum", "1"])
    XCTAssertEqual(failing.status, 1, failing.text)
    XCTAssertTrue(failing.output.contains("FAIL C.unversioned-1.json: a dossier.json the tests left has no \"schema\" key\n"), failing.output)
    XCTAssertTrue(failing.output.contains("FAIL D.cut-1.json: a dossier.json the tests left is not JSON ("), failing.output)
    XCTAssertTrue(failing.output.hasSuffix("validate-dossiers: 2 failed\n"), failing.output)
    // Decoded back, the fullest dossier is the same.
    let decoded = try JSONRenderer.decoder.decode(Dossier.self, from: Data(contentsOf: fullest))
    XCTAssertEqual(try JSONRenderer.encoder.encode(decoded), try JSONRenderer.encoder.encode(SchemaTestDossiers.fullest()))
  }
}
