import CLibYAJL
import Foundation
import HomologModel

/// One streamed parse: the yajl handle, where the parser is (path, byte offset, line) and the
/// handler. Handlers read the path through it (`depth`, `isKey`, `index`, `path`) during callbacks.
public final class JSONStream {
  /// One entered container: its kind and, for the value being read inside it, its key or index.
  private struct Frame {
    var isObject: Bool
    var index = -1
    var keyStart = 0
    var keyCount = -1
  }

  /// The file's path as messages show it.
  public let displayPath: String
  private let handler: JSONStreamHandler
  private let maxDepth: Int
  private var handle: yajl_handle?
  private var error: InputError?
  /// A handler's refusal of a container, raised once the container is read.
  private var refusal: InputError?
  /// The value being captured (its open containers and pending key are in `state`).
  private let tape = JSONTape()

  /// What every event reads and writes, behind a pointer: a struct's fields reached through it cost
  /// none of the runtime exclusivity checks a class's stored properties do on each access.
  private struct State {
    var stopped = false
    var sawValue = false
    var frames: [Frame] = []
    /// The keys of the frames, end to end (each frame's key is a slice of it).
    var keyBytes: [UInt8] = []
    /// Levels of a skipped value still open.
    var skipDepth = 0
    /// The next value is dropped (a key a capture does not keep).
    var skipNext = false
    /// The captured value's open containers (node indices) and the key read for its next value.
    var openNodes: [Int] = []
    var pendingKeyStart = 0
    var pendingKeyCount = -1
    var keeping: JSONKeySet?
  }
  private let state: UnsafeMutablePointer<State>

  /// The chunk being parsed and where it starts in the file.
  private var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
  private var chunkBase = 0
  private var linesBeforeChunk = 0
  private var lastNewlineBeforeChunk = -1
  private var fed = 0
  /// A position computed in the current chunk: its offset, line and the characters before it on its line.
  private struct Cursor {
    var offset: Int
    var line: Int
    var characters: Int
  }
  /// The last position computed (stale once the chunk changes: its offset is then before the chunk).
  private var cursor = Cursor(offset: -1, line: 1, characters: 0)
  /// Characters after the last newline read before the chunk (columns count characters, as libyaml's do).
  private var charactersOnLineBeforeChunk = 0
  /// Where the last unescaped `"` before the chunk is (line, column in characters): where a string cut by the
  /// chunk's start opens. Kept as a position, not an offset: the characters between it and the chunk's start
  /// may be several bytes each.
  private var lastQuoteBeforeChunk = (line: 1, column: 1)

  /// Whether keys remember where they start (`keyLine`, `keyColumn`) and columns are counted for
  /// `valueStart`: for handlers building located trees; set it in the first `begin`.
  public var recordsKeyPositions = false
  /// The 1-based line of the current key's opening quote (with `recordsKeyPositions`).
  public private(set) var keyLine = 0
  /// The 1-based column, in characters, of the current key's opening quote (with `recordsKeyPositions`).
  public private(set) var keyColumn = 0

  init(displayPath: String, handler: JSONStreamHandler, maxDepth: Int) {
    self.displayPath = displayPath
    self.handler = handler
    self.maxDepth = maxDepth
    state = .allocate(capacity: 1)
    state.initialize(to: State())
    state.pointee.frames.reserveCapacity(16)
    state.pointee.keyBytes.reserveCapacity(256)
  }

  deinit {
    if let handle { yajl_free(handle) }
    state.deinitialize(count: 1)
    state.deallocate()
  }

  // MARK: - What handlers read

  /// How many entered containers enclose the current value (0 for the top-level value).
  public var depth: Int { state.pointee.frames.count }

  /// True when the current value is the member `key` of an object, compared as bytes.
  public func isKey(_ key: StaticString) -> Bool { isKey(key, level: state.pointee.frames.count - 1) }

  /// True when the value read inside the container at `level` (0 = top level) has this key.
  public func isKey(_ key: StaticString, level: Int) -> Bool {
    guard level >= 0, level < state.pointee.frames.count else { return false }
    let frame = state.pointee.frames[level]
    guard frame.isObject, frame.keyCount == key.utf8CodeUnitCount else { return false }
    return state.pointee.keyBytes.withUnsafeBytes { raw in
      frame.keyCount == 0 || memcmp(raw.baseAddress! + frame.keyStart, key.utf8Start, frame.keyCount) == 0
    }
  }

  /// True when the current value's key is one of `keys`, compared as bytes.
  public func isKey(in keys: JSONKeySet) -> Bool {
    guard let frame = state.pointee.frames.last, frame.isObject, frame.keyCount >= 0 else { return false }
    return state.pointee.keyBytes.withUnsafeBytes { raw in
      keys.contains(UnsafeRawBufferPointer(rebasing: raw[frame.keyStart..<frame.keyStart + frame.keyCount]))
    }
  }

  /// The current value's key (object member), or nil; allocates: for rare use.
  public var key: String? {
    guard let frame = state.pointee.frames.last, frame.isObject, frame.keyCount >= 0 else { return nil }
    return String(decoding: state.pointee.keyBytes[frame.keyStart..<frame.keyStart + frame.keyCount], as: UTF8.self)
  }

  /// The current value's index in its array, or nil when it is not an array element.
  public var index: Int? { index(level: state.pointee.frames.count - 1) }

  /// The index read inside the array at `level`, or nil.
  public func index(level: Int) -> Int? {
    guard level >= 0, level < state.pointee.frames.count else { return nil }
    let frame = state.pointee.frames[level]
    return !frame.isObject && frame.index >= 0 ? frame.index : nil
  }

  /// True when the container at `level` is an object.
  public func isObject(level: Int) -> Bool {
    level >= 0 && level < state.pointee.frames.count && state.pointee.frames[level].isObject
  }

  /// The JSON path of the current value, `$.runs[0].results[12]` (as `JSONInput.path` writes it).
  public var path: String {
    var text = "$"
    for frame in state.pointee.frames {
      if frame.isObject {
        guard frame.keyCount >= 0 else { break }
        JSONPath.appendKey(state.pointee.keyBytes[frame.keyStart..<frame.keyStart + frame.keyCount], to: &text)
      } else {
        guard frame.index >= 0 else { break }
        text += "[\(frame.index)]"
      }
    }
    return text
  }

  /// How many bytes of the file the parser has read up to the current event.
  public var offset: Int { currentOffset }

  /// Stops the parse early without an error (a detection that has decided).
  public func stop() { state.pointee.stopped = true }

  /// An error at the current line, column and path.
  public func error(_ message: String) -> InputError {
    var location = self.location(ofOffset: currentOffset)
    location.jsonPath = path
    return InputError(message, at: location)
  }

  /// A syntax error: `file:line:col: invalid JSON: reason, at $.runs[0].results[12]` (the path reached is
  /// part of the message, so the location stays `file:line:col` as editors link it).
  private func syntaxError(_ reason: String, at location: SourceLocation) -> InputError {
    let reached = path
    return InputError("invalid JSON: \(reason)" + (reached == "$" ? "" : ", at \(reached)"), at: location)
  }

  /// A wrong shape inside a captured value, at the value's path followed by the error's own.
  public func error(_ shape: JSONShapeError) -> InputError {
    var text = path
    shape.appendPath(to: &text)
    return InputError(shape.message, at: SourceLocation(file: displayPath, jsonPath: text))
  }

  // MARK: - Feeding

  func feed(_ bytes: UnsafeRawBufferPointer) throws(InputError) {
    guard !state.pointee.stopped, bytes.count > 0 else { return }
    var bytes = bytes
    chunkBase = fed
    fed += bytes.count
    if chunkBase == 0 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      // A UTF-8 byte-order mark, which some Windows tools write: not part of the JSON text.
      bytes = UnsafeRawBufferPointer(rebasing: bytes[3...])
      chunkBase = 3
      guard bytes.count > 0 else { return }
    }
    if handle == nil {
      handle = yajl_alloc(JSONStream.callbacks, nil, Unmanaged.passUnretained(self).toOpaque())
      guard handle != nil else { throw InputError("cannot initialise the JSON parser", at: SourceLocation(file: displayPath)) }
    }
    chunk = bytes
    let status = yajl_parse(handle, bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), bytes.count)
    try check(status, final: false)
    if recordsKeyPositions, let quote = lastQuote(before: chunkBase + bytes.count) { lastQuoteBeforeChunk = position(ofOffset: quote) }
    countLines(in: bytes)
    chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    chunkBase = fed
  }

  func finish() throws(InputError) {
    guard !state.pointee.stopped else { return }
    guard let handle else {
      throw InputError("expected a JSON value, the file is empty", at: SourceLocation(file: displayPath, line: 1, column: 1))
    }
    let status = yajl_complete_parse(handle)
    try check(status, final: true)
  }

  private func check(_ status: yajl_status, final: Bool) throws(InputError) {
    if let error { throw error }
    switch status {
    case yajl_status_ok: return
    case yajl_status_client_canceled: if state.pointee.stopped { return }
    default: break
    }
    // yajl stops just after the offending token: point at its last byte.
    let consumed = final ? 0 : Int(yajl_get_bytes_consumed(handle))
    let offset = final ? fed : chunkBase + max(0, consumed - 1)
    var reason = "malformed JSON"
    if let text = yajl_get_error(handle, 0, nil, 0) {
      reason = String(cString: text)
      yajl_free_error(handle, text)
    }
    let location = location(ofOffset: offset)
    if !state.pointee.sawValue && reason.contains("premature EOF") {
      throw InputError("expected a JSON value, the file holds none", at: location)
    }
    throw syntaxError(JSONStream.explain(reason), at: location)
  }

  /// yajl's message in homolog's words: `parse error: premature EOF` → `unexpected end of file (truncated?)`.
  static func explain(_ yajl: String) -> String {
    var text = yajl.trimmingCharacters(in: .whitespacesAndNewlines)
    for prefix in ["lexical error: ", "parse error: "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
    if text.hasSuffix(".") { text.removeLast() }
    switch text {
    case "premature EOF": return "unexpected end of file (truncated?)"
    case "trailing garbage": return "more text after the end of the document (only one top-level value is allowed)"
    case "invalid bytes in UTF8 string": return "invalid UTF-8 in a string"
    default: return text
    }
  }

  // MARK: - Lines

  /// The offset of the last byte of the token being reported (yajl counts the bytes it consumed).
  private var currentOffset: Int {
    guard let handle, chunk.baseAddress != nil else { return fed }
    return chunkBase + max(0, Int(yajl_get_bytes_consumed(handle)) - 1)
  }

  /// 1-based line and column (in bytes) of a byte offset in the current chunk or at its end.
  private func location(ofOffset offset: Int) -> SourceLocation {
    var line = linesBeforeChunk + 1
    var lastNewline = lastNewlineBeforeChunk
    if let base = chunk.baseAddress, offset > chunkBase {
      let count = min(offset - chunkBase, chunk.count)
      var position = 0
      while position < count, let hit = memchr(base + position, 0x0A, count - position) {
        position = base.distance(to: UnsafeRawPointer(hit)) + 1
        line += 1
        lastNewline = chunkBase + position - 1
      }
    }
    return SourceLocation(file: displayPath, line: line, column: max(1, offset - lastNewline))
  }

  private func countLines(in bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    var position = 0
    var sawNewline = false
    while position < bytes.count, let hit = memchr(base + position, 0x0A, bytes.count - position) {
      position = base.distance(to: UnsafeRawPointer(hit)) + 1
      linesBeforeChunk += 1
      lastNewlineBeforeChunk = chunkBase + position - 1
      sawNewline = true
    }
    // Character columns only for handlers that ask for positions (the set is made at the first container).
    guard recordsKeyPositions else { return }
    let tail = JSONStream.characters(in: UnsafeRawBufferPointer(rebasing: bytes[position...]))
    charactersOnLineBeforeChunk = sawNewline ? tail : charactersOnLineBeforeChunk + tail
  }

  /// How many UTF-8 characters the bytes hold (continuation bytes not counted).
  private static func characters(in bytes: UnsafeRawBufferPointer) -> Int {
    var count = 0
    for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// 1-based line and column, in characters, of a byte offset in the current chunk (or of a number or
  /// literal cut by the chunk's start: ASCII, without a newline; strings go through `stringStart`).
  /// Counts on from the position asked before in the same chunk (events come in order), so a chunk is
  /// scanned once, not once per event.
  private func position(ofOffset offset: Int) -> (line: Int, column: Int) {
    guard let base = chunk.baseAddress, offset >= chunkBase else {
      return (linesBeforeChunk + 1, max(1, charactersOnLineBeforeChunk - (chunkBase - offset) + 1))
    }
    let end = min(offset, chunkBase + chunk.count)
    var at = cursor.offset >= chunkBase && cursor.offset <= end
      ? cursor : Cursor(offset: chunkBase, line: linesBeforeChunk + 1, characters: charactersOnLineBeforeChunk)
    var from = at.offset - chunkBase
    let stop = end - chunkBase
    while from < stop, let hit = memchr(base + from, 0x0A, stop - from) {
      from = base.distance(to: UnsafeRawPointer(hit)) + 1
      at.line += 1
      at.characters = 0
    }
    at.characters += JSONStream.characters(in: UnsafeRawBufferPointer(rebasing: chunk[from..<stop]))
    at.offset = end
    cursor = at
    return (at.line, at.characters + 1)
  }

  /// The offset of the last unescaped `"` of the current chunk before `end`, or nil.
  private func lastQuote(before end: Int) -> Int? {
    var position = min(end, chunkBase + chunk.count) - 1
    while position >= chunkBase {
      if chunk[position - chunkBase] == 0x22 {
        var backslashes = 0
        while position - 1 - backslashes >= chunkBase && chunk[position - 1 - backslashes - chunkBase] == 0x5C { backslashes += 1 }
        if backslashes % 2 == 0 { return position }
      }
      position -= 1
    }
    return nil
  }

  /// Where the current value starts (1-based line, column in characters), during `begin` (the
  /// container, with `nil`) or `scalar` (that scalar): what libyaml would say of the same JSON.
  public func valueStart(_ scalar: JSONScalar?) -> (line: Int, column: Int) {
    let end = currentOffset
    switch scalar {
    case nil: return position(ofOffset: end)
    case .null: return position(ofOffset: end - 3)
    case .bool(let value): return position(ofOffset: end - (value ? 3 : 4))
    case .number(let bytes): return position(ofOffset: end - bytes.count + 1)
    case .string: return stringStart(endingAt: end)
    }
  }

  /// Where the string whose closing quote is at `end` opens: its opening quote in the current chunk, or
  /// the last quote of the chunks before (a string cut by the chunk's start).
  private func stringStart(endingAt end: Int) -> (line: Int, column: Int) {
    if let quote = lastQuote(before: end) { return position(ofOffset: quote) }
    return lastQuoteBeforeChunk
  }

  // MARK: - Events

  /// Records a handler error and tells yajl to stop (0).
  private func fail(_ error: InputError) -> Int32 {
    if self.error == nil { self.error = error }
    return 0
  }

  private var totalDepth: Int { state.pointee.frames.count + state.pointee.skipDepth + state.pointee.openNodes.count }

  private func startContainer(_ kind: JSONContainer) -> Int32 {
    state.pointee.sawValue = true
    let normal = state.pointee.skipDepth == 0 && !state.pointee.skipNext && state.pointee.openNodes.isEmpty
    if normal { advanceIndex() }
    if totalDepth >= maxDepth {
      return fail(syntaxError("nesting deeper than \(maxDepth) levels", at: location(ofOffset: currentOffset)))
    }
    if state.pointee.skipDepth > 0 {
      state.pointee.skipDepth += 1
      return 1
    }
    if state.pointee.skipNext {
      state.pointee.skipNext = false
      state.pointee.skipDepth = 1
      return 1
    }
    if !state.pointee.openNodes.isEmpty {
      state.pointee.openNodes.append(appendNode(kind == .object ? .object : .array))
      return 1
    }
    do {
      switch try handler.begin(kind, in: self) {
      case .enter: state.pointee.frames.append(Frame(isObject: kind == .object))
      case .skip: state.pointee.skipDepth = 1
      case .capture(let keeping):
        state.pointee.keeping = keeping
        tape.reset()
        state.pointee.pendingKeyCount = -1
        state.pointee.openNodes.append(appendNode(kind == .object ? .object : .array))
      }
    } catch {
      // A container refused for its type is still read to its end first: a syntax error or too deep
      // a nesting inside it is the better explanation.
      refusal = error
      state.pointee.skipDepth = 1
    }
    return state.pointee.stopped ? 0 : 1
  }

  private func endContainer(_ kind: JSONContainer) -> Int32 {
    if state.pointee.skipDepth > 0 {
      state.pointee.skipDepth -= 1
      if state.pointee.skipDepth == 0, let refusal { return fail(refusal) }
      return 1
    }
    if let open = state.pointee.openNodes.popLast() {
      tape.nodes[open].end = tape.nodeCount
      if state.pointee.openNodes.isEmpty {
        state.pointee.keeping = nil
        do { try handler.captured(JSONValue(tape: tape, index: 0), in: self) } catch { return fail(error) }
        return state.pointee.stopped ? 0 : 1
      }
      return 1
    }
    if let frame = state.pointee.frames.popLast(), frame.isObject, frame.keyCount >= 0 {
      state.pointee.keyBytes.removeSubrange(frame.keyStart...)
    }
    do { try handler.end(kind, in: self) } catch { return fail(error) }
    return state.pointee.stopped ? 0 : 1
  }

  private func key(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    if state.pointee.skipDepth > 0 { return 1 }
    if !state.pointee.openNodes.isEmpty {
      if state.pointee.openNodes.count == 1, let keeping = state.pointee.keeping, !keeping.contains(bytes) {
        state.pointee.skipNext = true
        return 1
      }
      state.pointee.pendingKeyStart = tape.append(bytes)
      state.pointee.pendingKeyCount = bytes.count
      return 1
    }
    let last = state.pointee.frames.count - 1
    guard last >= 0 else { return 1 }
    if recordsKeyPositions {
      let end = currentOffset
      (keyLine, keyColumn) = stringStart(endingAt: end)
    }
    if state.pointee.frames[last].keyCount >= 0 { state.pointee.keyBytes.removeSubrange(state.pointee.frames[last].keyStart...) }
    state.pointee.frames[last].keyStart = state.pointee.keyBytes.count
    state.pointee.frames[last].keyCount = bytes.count
    state.pointee.keyBytes.append(contentsOf: bytes)
    return 1
  }

  private func scalar(_ value: JSONScalar) -> Int32 {
    state.pointee.sawValue = true
    if state.pointee.skipDepth > 0 { return 1 }
    if state.pointee.skipNext {
      state.pointee.skipNext = false
      return 1
    }
    if !state.pointee.openNodes.isEmpty {
      let index = appendNode(value)
      tape.nodes[index].end = index + 1
      return 1
    }
    advanceIndex()
    do { try handler.scalar(value, in: self) } catch { return fail(error) }
    return state.pointee.stopped ? 0 : 1
  }

  /// Appends a node for a value of the capture, with the pending key; returns its index.
  private func appendNode(_ kind: JSONKind) -> Int {
    var node = JSONTape.Node(kind: kind)
    if state.pointee.pendingKeyCount >= 0 {
      node.keyStart = state.pointee.pendingKeyStart
      node.keyCount = state.pointee.pendingKeyCount
      state.pointee.pendingKeyCount = -1
    }
    return tape.append(node)
  }

  private func appendNode(_ scalar: JSONScalar) -> Int {
    let index: Int
    switch scalar {
    case .null: index = appendNode(JSONKind.null)
    case .bool(let flag):
      index = appendNode(.bool)
      tape.nodes[index].flag = flag
    case .string(let bytes), .number(let bytes):
      if case .string = scalar { index = appendNode(.string) } else { index = appendNode(.number) }
      tape.nodes[index].valueStart = tape.append(bytes)
      tape.nodes[index].valueCount = bytes.count
    }
    return index
  }

  private func advanceIndex() {
    let last = state.pointee.frames.count - 1
    if last >= 0 && !state.pointee.frames[last].isObject { state.pointee.frames[last].index += 1 }
  }

  // MARK: - yajl callbacks

  private static func with(_ context: UnsafeMutableRawPointer?, _ body: (JSONStream) -> Int32) -> Int32 {
    Unmanaged<JSONStream>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
  }

  /// yajl keeps the pointer to its callbacks: one table for the life of the process.
  nonisolated(unsafe) private static let callbacks: UnsafeMutablePointer<yajl_callbacks> = {
    let table = UnsafeMutablePointer<yajl_callbacks>.allocate(capacity: 1)
    var callbacks = yajl_callbacks()
    // `_withUnsafeGuaranteedRef`: the stream outlives the parse, so no retain and release per event.
    callbacks.yajl_null = { context in with(context) { $0.scalar(.null) } }
    callbacks.yajl_boolean = { context, value in with(context) { $0.scalar(.bool(value != 0)) } }
    callbacks.yajl_number = { context, text, length in
      with(context) { $0.scalar(.number(UnsafeRawBufferPointer(start: text, count: length))) }
    }
    callbacks.yajl_string = { context, text, length in
      with(context) { $0.scalar(.string(UnsafeRawBufferPointer(start: text, count: length))) }
    }
    callbacks.yajl_start_map = { context in with(context) { $0.startContainer(.object) } }
    callbacks.yajl_map_key = { context, text, length in
      with(context) { $0.key(UnsafeRawBufferPointer(start: text, count: length)) }
    }
    callbacks.yajl_end_map = { context in with(context) { $0.endContainer(.object) } }
    callbacks.yajl_start_array = { context in with(context) { $0.startContainer(.array) } }
    callbacks.yajl_end_array = { context in with(context) { $0.endContainer(.array) } }
    table.initialize(to: callbacks)
    return table
  }()
}
