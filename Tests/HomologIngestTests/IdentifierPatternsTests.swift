import Foundation
@testable import HomologIngest
import XCTest

/// The hand-written matchers agree with the regular expressions they replace.
final class IdentifierPatternsTests: XCTestCase {
  private let samples = [
    "CVE-2021-44228", "CVE-2021-44228-extra", "CVE-21-1", "CVE-2021-", "cve-2021-1", "XCVE-2021-1", "CVE-2021-1a", "CVE-20211-1",
    "GHSA-abcd", "ghsa-1abc", "go-2022-0001", "gox-1", "osv-", "pysec-2021-1", "rustsec-2020-0001", "", "-", "CVE-",
    "external/cwe/cwe-079", "CWE-346: Origin Validation Error", "cwe-", "cwe/12x", "xcwe-7", "cwe-cwe-9", "cwe_1", "cwe-99999999999",
  ]

  func testCVEPrefixMatchesTheRegularExpression() {
    for text in samples {
      let expected = text.range(of: #"^CVE-\d{4}-\d+"#, options: .regularExpression).map { String(text[$0]) }
      XCTAssertEqual(IdentifierPatterns.cvePrefix(text), expected, text)
    }
  }

  func testAdvisoryPrefixMatchesTheRegularExpression() {
    for text in samples.map({ $0.lowercased() }) {
      let expected = text.range(of: #"^(cve|ghsa|osv|pysec|rustsec|go)-\d"#, options: .regularExpression) != nil
      XCTAssertEqual(
        IdentifierPatterns.startsWithAdvisoryPrefix(text, prefixes: ["cve", "ghsa", "osv", "pysec", "rustsec", "go"]), expected, text)
    }
  }

  func testCWENumberMatchesTheRegularExpression() {
    for text in samples.map({ $0.lowercased() }) {
      let expected = text.range(of: #"cwe[-/](\d+)"#, options: .regularExpression).flatMap { Int(text[$0].drop { !$0.isNumber }) }
      XCTAssertEqual(IdentifierPatterns.cweNumber(text), expected, text)
    }
  }
}
