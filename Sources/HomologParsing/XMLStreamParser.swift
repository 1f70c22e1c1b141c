import CLibXML2
import Foundation
import HomologModel

/// The attributes of one start tag, read in place without copying (valid only during the callback).
public struct XMLAttributes {
  @usableFromInline let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
  @usableFromInline let count: Int

  /// The value of the attribute with this local name, or nil.
  public func value(_ name: String) -> String? {
    guard let raw else { return nil }
    return name.withCString { wanted -> String? in
      for index in 0..<count {
        let base = index * 5
        guard let local = raw[base], let start = raw[base + 3], let end = raw[base + 4] else { continue }
        if strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self), wanted) == 0 {
          return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
      }
      return nil
    }
  }

  /// Calls `body` with the raw UTF-8 bytes of the attribute with this local name, without copying
  /// them (the hot path of streaming readers); nil when the attribute is absent.
  @inlinable
  public func withValueBytes<Result>(_ name: StaticString, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
    guard let raw else { return nil }
    let wanted = name.utf8Start
    let length = name.utf8CodeUnitCount
    for index in 0..<count {
      let base = index * 5
      guard let local = raw[base], let start = raw[base + 3], let end = raw[base + 4] else { continue }
      if local[length] == 0 && memcmp(local, wanted, length) == 0 {
        return body(UnsafeRawBufferPointer(start: start, count: end - start))
      }
    }
    return nil
  }

  /// The value as an integer, or nil when absent or not a number.
  public func int(_ name: String) -> Int? { value(name).flatMap { Int(Self.trimmed($0)) } }

  /// The value as a floating point number, or nil when absent or not a number.
  public func double(_ name: String) -> Double? { value(name).flatMap { Double(Self.trimmed($0)) } }

  /// The text without surrounding ASCII blanks (Foundation's trimming costs more than the whole parse).
  private static func trimmed(_ text: String) -> Substring {
    let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    guard let first = text.utf8.firstIndex(where: { !isBlank($0) }),
      let last = text.utf8.lastIndex(where: { !isBlank($0) })
    else { return "" }
    return text[first...last]
  }

  /// Every attribute as (local name, value), in document order.
  public var all: [(String, String)] {
    guard let raw else { return [] }
    return (0..<count).compactMap { index in
      let base = index * 5
      guard let local = raw[base], let start = raw[base + 3], let end = raw[base + 4] else { return nil }
      return (String(cString: local), String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self))
    }
  }
}

/// Receives the events of a streamed XML document. Throwing stops the parse with that error.
public protocol XMLStreamHandler: AnyObject {
  /// A start tag: local name (no prefix), its attributes and 1-based line.
  func startElement(_ name: String, attributes: XMLAttributes, line: Int) throws(InputError)
  /// An end tag.
  func endElement(_ name: String, line: Int) throws(InputError)
  /// Character data (may arrive in several pieces).
  func characters(_ bytes: UnsafeRawBufferPointer)
}

extension XMLStreamHandler {
  public func endElement(_ name: String, line: Int) throws(InputError) {}
  public func characters(_ bytes: UnsafeRawBufferPointer) {}
}

/// Streams an XML file through libxml2's SAX2 push parser.
///
/// Only `XML_PARSE_NONET` is set: no entity substitution, no DTD loading, no huge-input mode.
/// Any entity declaration is refused (billion laughs, external entities), so a DOCTYPE may name an
/// external DTD (as JaCoCo's does) but never pull content into the document.
public enum XMLStreamParser {
  /// Parses a file in chunks, sending events to `handler`.
  public static func parse(file url: URL, displayPath: String, handler: XMLStreamHandler) throws(InputError) {
    let session = Session(displayPath: displayPath, handler: handler)
    try FileInput.forEachChunk(url, displayPath: displayPath) { chunk throws(InputError) in
      try session.feed(chunk, final: false)
    }
    try session.feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true)
  }

  /// Parses bytes already in memory, sending events to `handler`.
  public static func parse(data: Data, displayPath: String, handler: XMLStreamHandler) throws(InputError) {
    let session = Session(displayPath: displayPath, handler: handler)
    var outcome: Result<Void, InputError> = .success(())
    data.withUnsafeBytes { raw in
      outcome = Result { () throws(InputError) in
        var offset = 0
        while offset < raw.count {
          let end = min(offset + FileInput.chunkSize, raw.count)
          try session.feed(UnsafeRawBufferPointer(rebasing: raw[offset..<end]), final: false)
          offset = end
        }
        try session.feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true)
      }
    }
    try outcome.get()
  }
}

/// One parse: the libxml2 context, the handler and the first error met.
private final class Session {
  let displayPath: String
  let handler: XMLStreamHandler
  var context: xmlParserCtxtPtr?
  var error: InputError?
  var sawRoot = false

  init(displayPath: String, handler: XMLStreamHandler) {
    self.displayPath = displayPath
    self.handler = handler
  }

  deinit {
    guard let context else { return }
    // libxml2 leaves a document it built for a DOCTYPE (`myDoc`, with the DTD node) to the caller.
    if let document = context.pointee.myDoc {
      context.pointee.myDoc = nil
      xmlFreeDoc(document)
    }
    xmlFreeParserCtxt(context)
  }

  var line: Int { context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }

  func fail(_ message: String, line: Int? = nil) {
    guard error == nil else { return }
    error = InputError(message, at: SourceLocation(file: displayPath, line: line ?? self.line))
    if let context { xmlStopParser(context) }
  }

  func feed(_ chunk: UnsafeRawBufferPointer, final: Bool) throws(InputError) {
    if context == nil {
      if chunk.isEmpty && final {
        throw InputError("expected an XML document, the file is empty", at: SourceLocation(file: displayPath, line: 1))
      }
      var sax = Session.makeHandler()
      let me = Unmanaged.passUnretained(self).toOpaque()
      context = xmlCreatePushParserCtxt(&sax, me, nil, 0, displayPath)
      guard let context else { throw InputError("cannot initialise the XML parser", at: SourceLocation(file: displayPath)) }
      xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
    }
    let pointer = chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
    let status = xmlParseChunk(context, pointer, Int32(chunk.count), final ? 1 : 0)
    if let error { throw error }
    if status != 0 {
      throw InputError("malformed XML (libxml2 error \(status))", at: SourceLocation(file: displayPath, line: line))
    }
    if final && !sawRoot {
      throw InputError("expected an XML document, found no element", at: SourceLocation(file: displayPath, line: line))
    }
  }

  static func from(_ pointer: UnsafeMutableRawPointer?) -> Session {
    Unmanaged<Session>.fromOpaque(pointer!).takeUnretainedValue()
  }

  static func makeHandler() -> xmlSAXHandler {
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.startElementNs = { ctx, localname, _, _, _, _, attributeCount, _, attributes in
      let session = Session.from(ctx)
      guard session.error == nil, let localname else { return }
      session.sawRoot = true
      let name = String(cString: localname)
      let attrs = XMLAttributes(raw: attributes, count: Int(attributeCount))
      do {
        try session.handler.startElement(name, attributes: attrs, line: session.line)
      } catch let error as InputError {
        session.fail(error.message, line: error.location?.line)
      } catch {
        session.fail("\(error)")
      }
    }
    sax.endElementNs = { ctx, localname, _, _ in
      let session = Session.from(ctx)
      guard session.error == nil, let localname else { return }
      do {
        try session.handler.endElement(String(cString: localname), line: session.line)
      } catch let error as InputError {
        session.fail(error.message, line: error.location?.line)
      } catch {
        session.fail("\(error)")
      }
    }
    sax.characters = { ctx, bytes, length in
      let session = Session.from(ctx)
      guard session.error == nil, let bytes else { return }
      session.handler.characters(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
    }
    sax.cdataBlock = sax.characters
    sax.entityDecl = { ctx, name, _, publicId, systemId, _ in
      let session = Session.from(ctx)
      let entity = name.map { String(cString: $0) } ?? "?"
      if systemId != nil || publicId != nil {
        session.fail("the document declares an external entity '\(entity)'; external entities are refused")
      } else {
        session.fail("the document declares an entity '\(entity)'; entity declarations are refused")
      }
    }
    sax.serror = { ctx, error in
      guard let ctx, let error else { return }
      let session = Session.from(ctx)
      let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "malformed XML"
      let level = error.pointee.level
      guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
      session.fail("malformed XML: \(message)", line: Int(error.pointee.line))
    }
    return sax
  }
}
