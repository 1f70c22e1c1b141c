import Foundation
import XCTest

/// Runs the built `homolog` binary, as a user would.
enum CLI {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The binary beside the test bundle (SwiftPM builds both into the same folder).
  static var binary: URL {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("homolog"),
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("homolog"),
      repository.appendingPathComponent(".build/debug/homolog"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
  }

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs homolog with arguments in a working directory, with an optional environment override.
  static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Output {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? repository
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "SOURCE_DATE_EPOCH")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }

  /// The SHA-256 of some bytes, as `sha256sum` prints it.
  static func sha256(_ data: Data) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(data)
    try input.fileHandleForWriting.close()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: printed, as: UTF8.self).prefix(64))
  }

  /// A fresh temporary folder, removed when the test ends.
  static func temporaryDirectory() throws -> URL { try TemporaryFolders.make("homolog-cli") }

  /// A copy of the demo sample in a temporary folder, to alter safely.
  static func demoCopy() throws -> URL {
    let dir = try temporaryDirectory().appendingPathComponent("demo")
    try FileManager.default.copyItem(at: repository.appendingPathComponent("samples/demo"), to: dir)
    return dir
  }
}
