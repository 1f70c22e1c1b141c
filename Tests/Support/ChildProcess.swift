import Foundation

/// Commands run by tests of the repository's scripts (python3, sh, the shells of completion scripts).
public enum ChildProcess {
  /// What a finished command gave.
  public struct Result: Sendable {
    /// The exit status; 127 when the command could not start.
    public var status: Int32
    /// Its standard output.
    public var output: String
    /// Its standard error.
    public var error: String
    /// Standard output then standard error, for failure messages and searches in either.
    public var text: String { output + error }
  }

  /// Runs `arguments` through `/usr/bin/env` (the first one found on PATH) and waits for it to end.
  public static func run(_ arguments: [String], environment: [String: String]? = nil) -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let environment { process.environment = environment }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    do {
      try process.run()
    } catch {
      return Result(status: 127, output: "", error: "\(error)")
    }
    // Standard error is read on another thread, so that neither pipe can fill up while the other is read.
    let errorData = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errorData.data = error.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData.data, as: UTF8.self))
  }

  /// The bytes one thread reads for another, handed over through the dispatch group's wait.
  private final class Box: @unchecked Sendable {
    var data = Data()
  }
}
