import Foundation
import HomologModel
import HomologProject
import XCTest

final class ProjectConfigLoaderTests: XCTestCase {
  private func write(_ text: String) throws -> URL {
    let dir = try TemporaryFolders.make("homolog-config")
    let url = dir.appendingPathComponent("homolog.yaml")
    try Data(text.utf8).write(to: url)
    return url
  }

  func testLoadsContextComponentsAndPolicyOverDefaults() throws {
    let url = try write("""
      project: {name: Demo, version: "1.0"}
      context: {exposure: internet, personal_data: true}
      components:
        - {name: api, role: backend, evidence: [reports/api]}
      evidence: [shared]
      policy:
        vulnerabilities: {high: 3, medium: null}
        coverage: {frontend: 70}
      """)
    let config = try ProjectConfigLoader.load(url, displayPath: "homolog.yaml")
    XCTAssertEqual(config.name, "Demo")
    XCTAssertEqual(config.context.exposure, .internet)
    XCTAssertEqual(config.context.personalData, true)
    XCTAssertEqual(config.context.roles, [.backend])
    XCTAssertEqual(config.components.first?.evidence.first?.lastPathComponent, "api")
    XCTAssertEqual(config.policy.vulnerabilities.critical, 0)
    XCTAssertEqual(config.policy.vulnerabilities.high, 3)
    XCTAssertEqual(config.policy.coverageMinimum(for: .backend), 100)
    XCTAssertEqual(config.policy.coverageMinimum(for: .frontend), 70)
    XCTAssertEqual(config.gate, ["eliminatory"])
  }

  func testMalformedYAMLNamesFileAndLine() throws {
    let url = try write("project:\n  name: [Demo\ncontext: {}\n")
    XCTAssertThrowsError(try ProjectConfigLoader.load(url, displayPath: "homolog.yaml")) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.file, "homolog.yaml")
      XCTAssertNotNil(error.location?.line)
    }
  }

  func testUnknownKeyAndBadValueAreLocated() throws {
    let typo = try write("project: {name: D}\ncontexte: {}\n")
    XCTAssertThrowsError(try ProjectConfigLoader.load(typo, displayPath: "homolog.yaml")) { error in
      XCTAssertEqual((error as! InputError).description.prefix(18), "homolog.yaml:2:1: ")
      XCTAssertTrue((error as! InputError).message.contains("unknown key 'contexte'"))
    }
    let bad = try write("project: {name: D}\ncontext:\n  exposure: everywhere\n")
    XCTAssertThrowsError(try ProjectConfigLoader.load(bad, displayPath: "homolog.yaml")) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.line, 3)
      XCTAssertTrue(error.message.contains("expected one of: internet, rie, internal"), error.message)
    }
  }

  func testDeploymentAndEnvironmentsAreReadWhenStated() throws {
    let url = try write("""
      project: {name: D}
      context:
        deployment: console-argocd
        environments: [dev, preprod, prod]
      """)
    let config = try ProjectConfigLoader.load(url, displayPath: "homolog.yaml")
    XCTAssertEqual(config.context.deployment, .consoleArgoCD)
    XCTAssertEqual(config.context.environments, ["dev", "preprod", "prod"])
  }

  func testDeploymentAndEnvironmentsAreNilWhenNotStated() throws {
    let config = try ProjectConfigLoader.load(try write("project: {name: D}\ncontext: {exposure: rie}\n"), displayPath: "homolog.yaml")
    XCTAssertNil(config.context.deployment)
    XCTAssertNil(config.context.environments)
  }

  func testUnknownDeploymentMethodIsALocatedError() throws {
    let url = try write("project: {name: D}\ncontext:\n  exposure: rie\n  deployment: kubectl\n")
    XCTAssertThrowsError(try ProjectConfigLoader.load(url, displayPath: "homolog.yaml")) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.line, 4)
      XCTAssertEqual(error.location?.column, 15)
      XCTAssertEqual(error.message, "context.deployment: unknown value 'kubectl' (expected one of: console-argocd, gitops, manual)")
    }
  }

  func testBadEnvironmentsAreLocatedErrors() throws {
    let duplicate = try write("project: {name: D}\ncontext:\n  environments:\n    - dev\n    - dev\n")
    XCTAssertThrowsError(try ProjectConfigLoader.load(duplicate, displayPath: "homolog.yaml")) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.line, 5)
      XCTAssertEqual(error.message, "context.environments: duplicate environment 'dev'")
    }
    let mapping = try write("project: {name: D}\ncontext:\n  environments: {dev: true}\n")
    XCTAssertThrowsError(try ProjectConfigLoader.load(mapping, displayPath: "homolog.yaml")) { error in
      XCTAssertEqual((error as! InputError).location?.line, 3)
    }
  }

  func testContextWithDeploymentRoundTripsThroughJSONAndOlderContextsDecode() throws {
    let context = ProjectContext(deployment: .manual, environments: ["prod"])
    let decoded = try JSONDecoder().decode(ProjectContext.self, from: JSONEncoder().encode(context))
    XCTAssertEqual(decoded, context)
    let older = #"{"exposure":"internal","dataSensitivity":"usual","personalData":false,"hosting":"cloud-pi","procurement":false,"roles":[]}"#
    let old = try JSONDecoder().decode(ProjectContext.self, from: Data(older.utf8))
    XCTAssertNil(old.deployment)
    XCTAssertNil(old.environments)
  }
}
