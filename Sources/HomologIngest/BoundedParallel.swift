import Foundation

/// Runs independent jobs on at most one worker per core, keeping results in input order.
enum BoundedParallel {
  /// Workers used: the active processor count, at least 1, never more than the jobs.
  static func width(jobs: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
    max(1, min(jobs, cores))
  }

  /// `body(i)` for every index in `0..<count`, on at most `width` threads; results by index.
  static func map<Value: Sendable>(
    _ count: Int, width: Int? = nil, _ body: @Sendable (Int) -> Value, done: (@Sendable () -> Void)? = nil
  ) -> [Value] {
    let slots = ResultSlots<Value>(count: count)
    let next = Counter()
    let workers = width ?? Self.width(jobs: count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let index = next.increment() - 1
        guard index < count else { return }
        slots.set(index, body(index))
        done?()
      }
    }
    return slots.values.map { $0! }
  }
}

/// Results written by concurrent workers into fixed slots, so output order never depends on timing.
final class ResultSlots<Value>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ index: Int, _ value: Value) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }
  var values: [Value?] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()
  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}

/// A thread-safe flag, set once.
final class Flag: @unchecked Sendable {
  private var value = false
  private let lock = NSLock()
  func set() {
    lock.lock()
    value = true
    lock.unlock()
  }
  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
