import Foundation

/// Hostile variants derived from genuine files at test time.
enum HostileGenerators {
  /// Byte offsets to cut a file of `count` bytes at: the very start, inside the first tag or key,
  /// fractions of the body, the last bytes.
  static func cutOffsets(_ count: Int) -> [Int] {
    let offsets = [1, 7, 64, count / 10, count / 3, count / 2, (2 * count) / 3, count - 2, count - 1]
    return Array(Set(offsets.filter { $0 > 0 && $0 < count })).sorted()
  }

  /// One JSON document per (path, wrong value): the value at each path of the document replaced by
  /// a value of another type. Arrays are entered through their first element only; at most `limit`
  /// variants, spread evenly over the paths.
  static func wrongTypes(_ data: Data, limit: Int = 240) -> [(path: String, data: Data)] {
    guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return [] }
    var paths: [[PathStep]] = []
    collectPaths(root, [], into: &paths)
    var plans: [([PathStep], Any)] = []
    for steps in paths {
      for replacement in replacements(for: value(root, at: steps)) { plans.append((steps, replacement)) }
    }
    if plans.count > limit {
      let stride = Double(plans.count) / Double(limit)
      plans = (0..<limit).map { plans[Int(Double($0) * stride)] }
    }
    return plans.compactMap { steps, replacement in
      let mutated = replacing(root, at: steps[...], with: replacement)
      guard let bytes = try? JSONSerialization.data(withJSONObject: mutated, options: [.fragmentsAllowed]) else { return nil }
      return (describe(steps) + " = " + kind(replacement), bytes)
    }
  }

  /// `{"SchemaVersion":2,"ArtifactName":"deep","Results":[[[…]]]}`: Trivy-shaped JSON nested `depth` levels.
  static func deepJSON(depth: Int) -> Data {
    Data(("{\"SchemaVersion\":2,\"ArtifactName\":\"deep\",\"Results\":" + String(repeating: "[", count: depth)
      + String(repeating: "]", count: depth) + "}").utf8)
  }

  /// `[[[…]]]` and `{a: {a: …}}` in flow style, and block-style nested mappings, `depth` levels.
  static func deepYAML(depth: Int) -> [Data] {
    let flowSequence = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let flowMapping = "a: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
    var block = ""
    for level in 0..<min(depth, 20_000) { block += String(repeating: " ", count: level) + "k:\n" }
    return [Data(flowSequence.utf8), Data(flowMapping.utf8), Data(block.utf8)]
  }

  /// A Cobertura-rooted XML document nested `depth` elements deep.
  static func deepXML(depth: Int) -> Data {
    Data(("<?xml version=\"1.0\"?>\n<coverage line-rate=\"1\"><packages>" + String(repeating: "<package>", count: depth)
      + String(repeating: "</package>", count: depth) + "</packages></coverage>\n").utf8)
  }

  private enum PathStep {
    case key(String)
    case index(Int)
  }

  private static func collectPaths(_ node: Any, _ prefix: [PathStep], into paths: inout [[PathStep]]) {
    if !prefix.isEmpty { paths.append(prefix) }
    if let object = node as? [String: Any] {
      for key in object.keys.sorted() { collectPaths(object[key]!, prefix + [.key(key)], into: &paths) }
    } else if let array = node as? [Any], let first = array.first {
      collectPaths(first, prefix + [.index(0)], into: &paths)
    }
  }

  private static func value(_ node: Any, at steps: [PathStep]) -> Any {
    var current = node
    for step in steps {
      switch step {
      case .key(let key): current = (current as! [String: Any])[key]!
      case .index(let index): current = (current as! [Any])[index]
      }
    }
    return current
  }

  private static func replacing(_ node: Any, at steps: ArraySlice<PathStep>, with replacement: Any) -> Any {
    guard let step = steps.first else { return replacement }
    switch step {
    case .key(let key):
      var object = node as! [String: Any]
      object[key] = replacing(object[key]!, at: steps.dropFirst(), with: replacement)
      return object
    case .index(let index):
      var array = node as! [Any]
      array[index] = replacing(array[index], at: steps.dropFirst(), with: replacement)
      return array
    }
  }

  /// Values of every other JSON type than the current one.
  private static func replacements(for current: Any) -> [Any] {
    let all: [Any] = ["text", 42, -1.5, NSNumber(value: true), NSNull(), [Any](), ["k": "v"]]
    return all.filter { kind($0) != kind(current) }
  }

  private static func kind(_ value: Any) -> String {
    switch value {
    case is NSNull: "null"
    case is String: "string"
    case _ where String(describing: type(of: value)).contains("Boolean") || type(of: value) == Bool.self: "boolean"
    case is NSNumber, is Int, is Double: "number"
    case is [Any]: "array"
    case is [String: Any]: "object"
    default: "other"
    }
  }

  private static func describe(_ steps: [PathStep]) -> String {
    "$" + steps.map { step in
      switch step {
      case .key(let key): ".\(key)"
      case .index(let index): "[\(index)]"
      }
    }.joined()
  }
}
