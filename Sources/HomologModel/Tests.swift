/// The outcome of one test case.
public enum TestOutcome: String, Codable, Hashable, Sendable {
  case passed, failed, errored, skipped
}

/// A test case that did not pass, kept for the dossier.
public struct TestCaseResult: Codable, Hashable, Sendable {
  public var suite: String
  public var name: String
  public var outcome: TestOutcome
  public var message: String?
  public init(suite: String, name: String, outcome: TestOutcome, message: String? = nil) {
    self.suite = suite
    self.name = name
    self.outcome = outcome
    self.message = message
  }
}

/// A test report (JUnit XML): counts of `testcase` elements by outcome, and the failing cases.
public struct TestReport: Codable, Hashable, Sendable {
  public var total: Int
  public var failed: Int
  public var errored: Int
  public var skipped: Int
  public var suites: Int
  /// Failed and errored cases (first 1,000 at most).
  public var failures: [TestCaseResult]
  public init(
    total: Int, failed: Int, errored: Int, skipped: Int, suites: Int, failures: [TestCaseResult]
  ) {
    self.total = total
    self.failed = failed
    self.errored = errored
    self.skipped = skipped
    self.suites = suites
    self.failures = failures
  }

  /// Cases that ran and passed.
  public var passed: Int { total - failed - errored - skipped }
}
