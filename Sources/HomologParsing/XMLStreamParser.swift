import CLibXML2
import Foundation
import HomologModel

/// Receives the events of a streamed XML document as libxml2 gives them: names and values as bytes,
/// no `String` per event (the fast path of the large-report readers). Throwing stops the parse.
/// Character data is sent only after the handler asks for it (`XMLEventContext.sendCharacters`).
public protocol XMLByteHandler: AnyObject {
  /// A start tag: local name (no prefix) and its attributes.
  func startElement(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError)
  /// An end tag.
  func endElement(_ name: XMLName, context: XMLEventContext) throws(InputError)
  /// Character data (may arrive in several pieces), while asked for.
  func characters(_ bytes: UnsafeRawBufferPointer)
  /// Whether `endElement` is called (asked once, before parsing): a handler that places elements by
  /// `XMLEventContext.depth` and `ancestor` instead needs no call per end tag.
  var wantsEndElements: Bool { get }
}

extension XMLByteHandler {
  public func endElement(_ name: XMLName, context: XMLEventContext) throws(InputError) {}
  public func characters(_ bytes: UnsafeRawBufferPointer) {}
  public var wantsEndElements: Bool { true }
}

/// What a handler may ask of the parser during a callback: the current line (a call into libxml2,
/// made only when needed) and whether to send character data (off at first: libxml2 then skips the
/// text of every element without calling back).
public struct XMLEventContext {
  @usableFromInline let parser: xmlParserCtxtPtr

  @usableFromInline init(parser: xmlParserCtxtPtr) { self.parser = parser }

  /// The 1-based line of the event.
  public var line: Int { Int(xmlSAX2GetLineNumber(parser)) }

  /// In `startElement`: the depth of the element (1 for the root), from libxml2's stack of open elements.
  @inlinable
  public var depth: Int { Int(parser.pointee.nameNr) + 1 }

  /// In `startElement`: the name of an open ancestor of the element (1: its parent, 2: its grandparent…),
  /// nil above the root; read from libxml2's stack of open elements (the element itself is not on it yet).
  @inlinable
  public func ancestor(_ level: Int) -> XMLName? {
    let index = Int(parser.pointee.nameNr) - level
    guard level > 0, index >= 0, let name = parser.pointee.nameTab[index] else { return nil }
    return XMLName(name)
  }

  /// Turns the `characters` events on or off, from the next piece of text on.
  public func sendCharacters(_ wanted: Bool) {
    guard let sax = parser.pointee.sax else { return }
    sax.pointee.characters = wanted ? Session.characters : nil
    sax.pointee.cdataBlock = wanted ? Session.characters : nil
  }
}

/// Receives the events of a streamed XML document, names as `String`s and every piece of character
/// data. Throwing stops the parse with that error.
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
  public static func parse(file url: URL, displayPath: String, handler: XMLByteHandler) throws(InputError) {
    let session = Session(displayPath: displayPath, handler: handler)
    try FileInput.forEachChunk(url, displayPath: displayPath) { chunk throws(InputError) in
      try session.feed(chunk, final: false)
    }
    try session.feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true)
  }

  /// Parses a file in chunks, sending events to `handler`.
  public static func parse(file url: URL, displayPath: String, handler: XMLStreamHandler) throws(InputError) {
    try parse(file: url, displayPath: displayPath, handler: StringEvents(handler))
  }

  /// Parses bytes already in memory, sending events to `handler`.
  public static func parse(data: Data, displayPath: String, handler: XMLByteHandler) throws(InputError) {
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

  /// Parses bytes already in memory, sending events to `handler`.
  public static func parse(data: Data, displayPath: String, handler: XMLStreamHandler) throws(InputError) {
    try parse(data: data, displayPath: displayPath, handler: StringEvents(handler))
  }
}

/// Turns byte events into the `String` events of an `XMLStreamHandler`, all character data included.
private final class StringEvents: XMLByteHandler {
  let handler: XMLStreamHandler
  var sendsCharacters = false

  init(_ handler: XMLStreamHandler) { self.handler = handler }

  func startElement(_ name: XMLName, attributes: XMLAttributes, context: XMLEventContext) throws(InputError) {
    if !sendsCharacters {
      sendsCharacters = true
      context.sendCharacters(true)
    }
    try handler.startElement(name.string, attributes: attributes, line: context.line)
  }

  func endElement(_ name: XMLName, context: XMLEventContext) throws(InputError) {
    try handler.endElement(name.string, line: context.line)
  }

  func characters(_ bytes: UnsafeRawBufferPointer) { handler.characters(bytes) }
}

/// One parse: the libxml2 context, the handler and the first error met.
private final class Session {
  let displayPath: String
  let handler: XMLByteHandler
  var context: xmlParserCtxtPtr?
  var error: InputError?
  /// True once `error` is set (a plain flag, read on every event).
  var failed = false
  var sawRoot = false

  init(displayPath: String, handler: XMLByteHandler) {
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

  /// The handler's view of the parser; only asked during callbacks, once the context exists.
  var eventContext: XMLEventContext { XMLEventContext(parser: context.unsafelyUnwrapped) }

  func fail(_ message: String, line: Int? = nil) {
    guard error == nil else { return }
    error = InputError(message, at: SourceLocation(file: displayPath, line: line ?? self.line))
    failed = true
    if let context { xmlStopParser(context) }
  }

  func fail(_ error: InputError) {
    fail(error.message, line: error.location?.line)
  }

  func feed(_ chunk: UnsafeRawBufferPointer, final: Bool) throws(InputError) {
    if context == nil {
      if chunk.isEmpty && final {
        throw InputError("expected an XML document, the file is empty", at: SourceLocation(file: displayPath, line: 1))
      }
      var sax = Session.makeHandler(endElements: handler.wantsEndElements)
      let me = Unmanaged.passUnretained(self).toOpaque()
      context = xmlCreatePushParserCtxt(&sax, me, nil, 0, displayPath)
      guard context != nil else {
        throw InputError("cannot initialise the XML parser", at: SourceLocation(file: displayPath))
      }
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

  /// Runs `body` with the session behind libxml2's user data pointer, without retaining it.
  @inline(__always)
  static func with(_ pointer: UnsafeMutableRawPointer?, _ body: (Session) -> Void) {
    guard let pointer else { return }
    Unmanaged<Session>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
  }

  /// libxml2's `characters` and `cdataBlock` callback, set while the handler asks for text.
  static let characters: charactersSAXFunc = { ctx, bytes, length in
    Session.with(ctx) { session in
      guard !session.failed, let bytes else { return }
      session.handler.characters(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
    }
  }

  static func makeHandler(endElements: Bool) -> xmlSAXHandler {
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.startElementNs = { ctx, localname, _, _, _, _, attributeCount, _, attributes in
      Session.with(ctx) { session in
        guard !session.failed, let localname else { return }
        session.sawRoot = true
        let attributes = XMLAttributes(raw: attributes, count: Int(attributeCount))
        do throws(InputError) {
          try session.handler.startElement(XMLName(localname), attributes: attributes, context: session.eventContext)
        } catch {
          session.fail(error)
        }
      }
    }
    sax.endElementNs = { ctx, localname, _, _ in
      Session.with(ctx) { session in
        guard !session.failed, let localname else { return }
        do throws(InputError) {
          try session.handler.endElement(XMLName(localname), context: session.eventContext)
        } catch {
          session.fail(error)
        }
      }
    }
    if !endElements { sax.endElementNs = nil }
    sax.entityDecl = { ctx, name, _, publicId, systemId, _ in
      Session.with(ctx) { session in
        let entity = name.map { String(cString: $0) } ?? "?"
        if systemId != nil || publicId != nil {
          session.fail("the document declares an external entity '\(entity)'; external entities are refused")
        } else {
          session.fail("the document declares an entity '\(entity)'; entity declarations are refused")
        }
      }
    }
    sax.serror = { ctx, error in
      guard let error else { return }
      Session.with(ctx) { session in
        let message =
          error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines)
          ?? "malformed XML"
        let level = error.pointee.level
        guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
        session.fail("malformed XML: \(message)", line: Int(error.pointee.line))
      }
    }
    return sax
  }
}
