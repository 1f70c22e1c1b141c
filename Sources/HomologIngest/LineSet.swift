/// A compact set of source line numbers, each marked covered or not, for de-duplicating
/// coverage lines listed more than once (a line under two classes of the same file).
///
/// Lines live in pages of 256 bits allocated on demand: about 100 bytes per 256 lines in use,
/// whatever the line numbers.
struct LineSet {
  private static let pageLines = 256
  private static let wordsPerBitmap = pageLines / 64
  /// Page number → offset of its three bitmaps (seen, covered, branch counted) in `words`.
  private var pages: [Int: Int] = [:]
  private var words: [UInt64] = []
  private var lastPage = -1
  private var lastOffset = 0

  /// Number of distinct lines.
  private(set) var count = 0
  /// Number of distinct lines covered by at least one of their entries.
  private(set) var coveredCount = 0

  /// Records one entry for a line; returns what is new about it.
  mutating func insert(_ line: Int, covered: Bool, hasBranches: Bool) -> (newLine: Bool, firstBranches: Bool) {
    let page = line >> 8
    let offset: Int
    if page == lastPage {
      offset = lastOffset
    } else if let known = pages[page] {
      offset = known
    } else {
      offset = words.count
      pages[page] = offset
      words.append(contentsOf: repeatElement(0, count: 3 * Self.wordsPerBitmap))
    }
    lastPage = page
    lastOffset = offset
    let bit = line & 0xFF
    let word = bit >> 6
    let mask = UInt64(1) << UInt64(bit & 63)
    let seenIndex = offset + word
    let coveredIndex = offset + Self.wordsPerBitmap + word
    let branchIndex = offset + 2 * Self.wordsPerBitmap + word
    let newLine = words[seenIndex] & mask == 0
    if newLine {
      words[seenIndex] |= mask
      count += 1
    }
    if covered && words[coveredIndex] & mask == 0 {
      words[coveredIndex] |= mask
      coveredCount += 1
    }
    var firstBranches = false
    if hasBranches && words[branchIndex] & mask == 0 {
      words[branchIndex] |= mask
      firstBranches = true
    }
    return (newLine, firstBranches)
  }
}
