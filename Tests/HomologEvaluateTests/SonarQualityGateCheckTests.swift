import HomologEvaluate
import HomologModel
import XCTest

final class SonarQualityGateCheckTests: XCTestCase {
  private func file(_ path: String, _ gate: QualityGate) -> EvidenceFile {
    EvidenceFile(provenance: Provenance(path: path, sha256: "x", bytes: 1, format: "sonarqube-report-task"), qualityGate: gate)
  }

  func testAReportTaskAloneIsNoEvidenceAndSaysHowToFetchTheStatus() {
    let analysis = SonarAnalysis(projectKey: "my:genapp", serverUrl: "http://localhost:9000", ceTaskId: "AWrdXTwZ40hrlIeXkFlg")
    let gate = QualityGate(project: "my:genapp", status: .none, conditions: [], analysis: analysis)
    let result = SonarQualityGateCheck().evaluate(EvidenceSet(files: [file("report-task.txt", gate)]))
    XCTAssertEqual(result.outcome, .noEvidence)
    XCTAssertEqual(result.summary.key, "sonar.quality-gate.analysis_only")
    XCTAssertEqual(result.observations.map(\.message.key), ["sonar.analysis", "sonar.fetch-gate"])
    XCTAssertEqual(result.observations.last?.message.arg("task"), "AWrdXTwZ40hrlIeXkFlg")
    XCTAssertEqual(result.observations.last?.message.arg("server"), "http://localhost:9000")
    XCTAssertEqual(result.observations.map(\.problem), [false, false])
    XCTAssertEqual(result.evidence, ["report-task.txt"])
  }

  func testAFetchedStatusBesideTheReportTaskDecides() {
    let named = QualityGate(project: "p", status: .none, conditions: [], analysis: SonarAnalysis(projectKey: "p"))
    let fetched = QualityGate(project: "p", status: .error, conditions: [])
    let result = SonarQualityGateCheck().evaluate(EvidenceSet(files: [file("report-task.txt", named), file("gate.json", fetched)]))
    XCTAssertEqual(result.outcome, .fail)
  }

  func testNoGateAtAllIsPlainNoEvidence() {
    let result = SonarQualityGateCheck().evaluate(EvidenceSet(files: []))
    XCTAssertEqual(result.outcome, .noEvidence)
    XCTAssertEqual(result.summary.key, "sonar.quality-gate.no_evidence")
  }
}
