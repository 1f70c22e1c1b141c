import Foundation
import HomologIngest

/// `homolog formats`: every evidence format homolog reads and how it is recognised.
enum FormatsCommand: Command {
  static let name = "formats"
  static let synopsis = [""]
  static let options: [Option] = []

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    try arguments.finish()
    for reader in AllReaders.list {
      Console.out("\(reader.format)\t\(reader.formatName)\t\(detection(reader))")
    }
    return .ok
  }

  /// How a format is recognised, in the run's language (`format.ID.detection`; a reader the tables do not know yet shows
  /// its own English description). Format names are product names and stay as they are.
  static func detection(_ reader: any EvidenceReader.Type) -> String {
    if let text = Terminal.table.messages["format.\(reader.format).detection"] { return text }
    return (reader as? any DetectionDescribing.Type)?.detection ?? Terminal.text("format.detection.default")
  }
}
