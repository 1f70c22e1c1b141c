/// Walks a template's nodes against a context stack, appending UTF-8 to one growing buffer.
struct MustacheRenderer<Partials: MustachePartialProvider> {
  private(set) var output: [UInt8] = []
  /// The context stack, innermost last.
  private var contexts: [MustacheValue]
  private let partials: Partials
  private var partialDepth = 0

  init(context: MustacheValue, partials: Partials, capacity: Int) {
    self.contexts = [context]
    self.partials = partials
    output.reserveCapacity(capacity)
  }

  /// Appends `template` rendered with `indentation` at the start of each of its lines.
  mutating func render(_ template: MustacheTemplate, indentation: [UInt8]) throws(MustacheError) {
    try render(template.nodes, of: template, indentation: indentation)
  }

  private mutating func render(_ nodes: [MustacheNode], of template: MustacheTemplate, indentation: [UInt8])
    throws(MustacheError)
  {
    for node in nodes {
      switch node {
      case .text(let text):
        write(text, indentation: indentation)
      case .lineStart:
        output.append(contentsOf: indentation)
      case .variable(let name, let escaped):
        write(resolve(name), escaped: escaped)
      case .section(let name, let inverted, let content):
        let value = resolve(name)
        if inverted {
          if !value.isTruthy { try render(content, of: template, indentation: indentation) }
        } else if case .list(let items) = value {
          for item in items {
            contexts.append(item)
            try render(content, of: template, indentation: indentation)
            contexts.removeLast()
          }
        } else if value.isTruthy {
          contexts.append(value)
          try render(content, of: template, indentation: indentation)
          contexts.removeLast()
        }
      case .partial(let call):
        try renderPartial(call, from: template, indentation: indentation)
      }
    }
  }

  /// A standalone partial adds its own indentation to the current one; an inline partial is not indented.
  private mutating func renderPartial(
    _ call: MustachePartialCall, from template: MustacheTemplate, indentation: [UInt8]
  ) throws(MustacheError) {
    guard let partial = partials.partial(named: call.name) else { return }
    guard partialDepth < MustacheTemplate.maxPartialDepth else {
      throw .partialsTooDeep(call, in: template)
    }
    partialDepth += 1
    try render(partial, indentation: call.indentation.map { indentation + $0 } ?? [])
    partialDepth -= 1
  }

  /// The value a name designates: `.` is the top context; the first key is searched from the top
  /// of the stack down, the others inside the value found (a miss anywhere gives `.null`).
  private func resolve(_ name: MustacheName) -> MustacheValue {
    guard let first = name.keys.first else { return contexts[contexts.count - 1] }
    var found: MustacheValue?
    for context in contexts.reversed() {
      if let value = context[first] {
        found = value
        break
      }
    }
    guard var value = found else { return .null }
    for key in name.keys.dropFirst() {
      guard let member = value[key] else { return .null }
      value = member
    }
    return value
  }

  private mutating func write(_ text: MustacheText, indentation: [UInt8]) {
    guard !indentation.isEmpty, !text.lineStarts.isEmpty else {
      output.append(contentsOf: text.bytes)
      return
    }
    var from = 0
    for lineStart in text.lineStarts {
      output.append(contentsOf: text.bytes[from..<lineStart])
      output.append(contentsOf: indentation)
      from = lineStart
    }
    output.append(contentsOf: text.bytes[from...])
  }

  private mutating func write(_ value: MustacheValue, escaped: Bool) {
    switch value {
    case .null, .list, .object:
      return
    case .string(let text):
      if escaped {
        MustacheHTMLEscaping.append(text, to: &output)
      } else {
        output.append(contentsOf: text.utf8)
      }
    case .bool, .number:
      output.append(contentsOf: value.interpolatedText.utf8)
    }
  }
}

extension MustacheError {
  fileprivate static func partialsTooDeep(_ call: MustachePartialCall, in template: MustacheTemplate)
    -> MustacheError
  {
    MustacheError(
      "partial \"\(call.name)\" nested more than \(MustacheTemplate.maxPartialDepth) levels deep:"
        + " expected the partial recursion to end", template: template.name, line: call.line)
  }
}
