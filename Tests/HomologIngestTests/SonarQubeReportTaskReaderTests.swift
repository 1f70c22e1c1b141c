import Foundation
import HomologIngest
import HomologModel
import XCTest

final class SonarQubeReportTaskReaderTests: XCTestCase {
  // SOURCES.md: projectKey my:genapp, serverVersion 7.7.0.23042, ceTaskId AWrdXTwZ40hrlIeXkFlg; no findings figures.
  func testReportTaskNamesTheAnalysisWithoutAGateStatus() throws {
    let url = Fixtures.real("sonarqube/sonar-scanner-report-task-sonarqube-7.7.txt")
    XCTAssertEqual(AllReaders.detect(try XCTUnwrap(FileHead.read(url)))?.format, "sonarqube-report-task")
    let result = try SonarQubeReportTaskReader.read(Fixtures.input(url))
    XCTAssertEqual(result.tool, ToolInfo(name: "SonarQube", version: "7.7.0.23042"))
    let gate = try XCTUnwrap(result.qualityGate)
    XCTAssertEqual(gate.status, .none)
    XCTAssertEqual(gate.project, "my:genapp")
    XCTAssertEqual(
      gate.analysis,
      SonarAnalysis(
        projectKey: "my:genapp", serverUrl: "http://localhost:9000", serverVersion: "7.7.0.23042",
        ceTaskId: "AWrdXTwZ40hrlIeXkFlg", ceTaskUrl: "http://localhost:9000/api/ce/task?id=AWrdXTwZ40hrlIeXkFlg",
        dashboardUrl: "http://localhost:9000/dashboard?id=my%3Agenapp"))
    XCTAssertEqual(result.findings.count, 0)
    XCTAssertEqual(result.scans, [])
  }

  func testOtherKeyValueTextIsNotAReportTask() throws {
    let input = try Fixtures.temporary("projectKey=a\nserverUrl=http://x\n", name: "sonar-project.properties")
    XCTAssertFalse(SonarQubeReportTaskReader.sniff(try XCTUnwrap(FileHead.read(input.url))))
  }

  func testALineWithoutEqualsNamesFileAndLine() throws {
    let input = try Fixtures.temporary("projectKey=a\nserverUrl=http://x\nceTaskId=T\ngarbage\n", name: "report-task.txt")
    XCTAssertThrowsError(try SonarQubeReportTaskReader.read(input)) { error in
      let error = error as? InputError
      XCTAssertEqual(error?.location?.file, "report-task.txt")
      XCTAssertEqual(error?.location?.line, 4)
    }
  }
}
