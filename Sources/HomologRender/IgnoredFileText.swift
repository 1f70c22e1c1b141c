import HomologModel

extension TranslationTable {
  /// Why a file was ignored or unreadable, in this language (a reader's diagnostic stays as written).
  public func reason(_ file: IgnoredFile) -> String {
    var text = text(file.reason.message)
    if let bytes = file.bytes, let limit = file.limit {
      text += self.text("ignored.oversize", [MessageArg("size", size(bytes)), MessageArg("limit", size(limit))])
    }
    return text
  }

  /// A file size in megabytes, or gigabytes from 1 GB on, with one decimal in this language's style.
  public func size(_ bytes: Int) -> String {
    let giga = bytes >= 1_000_000_000
    let figure = Double(bytes) / (giga ? 1e9 : 1e6)
    return text(giga ? "size.gb" : "size.mb", [.number("value", figure)])
  }
}
